package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code agent}: A full agent snapshot (machine-local runtime; re-appended on every change).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param id {@code id} (Always): agent GUID {@code usr-xxxxxxxx}
 * @param name {@code name} (Always): = agent id
 * @param globalName {@code global_name} (Opt): {@code <channel>-<agent>}
 * @param homeChannel {@code home_channel} (Opt): channel GUID
 * @param createdAt {@code created_at} (Opt): RFC 3339 registration time
 * @param activeStatus {@code active_status} (Opt): {@code active} or {@code inactive}
 * @param agentId {@code agent_id} (Always): the agent handle (fold key)
 * @param status {@code status} (Opt): current task
 * @param purpose {@code purpose} (Opt): static role
 * @param avatar {@code avatar} (Opt): one-character avatar
 * @param goal {@code goal} (Opt): legacy name of status
 * @param bio {@code bio} (Opt): legacy name of purpose
 * @param registeredAt {@code registered_at} (Always): s, raw
 * @param lastSeen {@code last_seen} (Always): s, raw
 * @param leftAt {@code left_at} (Always, nullable): s, raw; set by bye
 * @param managed {@code managed} (Opt): daemon-controlled
 * @param invoke {@code invoke} (Opt): invoke configuration, kept verbatim
 * @param presence {@code presence} (Opt): presence state
 * @param mentionWatermark {@code mention_watermark} (Opt): last processed mention GUID
 * @param lastHeartbeat {@code last_heartbeat} (Opt): ms, raw
 * @param sessionMode {@code session_mode} (Opt): resume mode
 * @param lastSessionId {@code last_session_id} (Opt): CLI session id
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record Agent(
        String id,
        String name,
        String globalName,
        String homeChannel,
        String createdAt,
        String activeStatus,
        String agentId,
        String status,
        String purpose,
        String avatar,
        String goal,
        String bio,
        Long registeredAt,
        Long lastSeen,
        Long leftAt,
        Boolean managed,
        ObjectNode invoke,
        String presence,
        String mentionWatermark,
        Long lastHeartbeat,
        String sessionMode,
        String lastSessionId,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public Agent {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT;
    }

    /** A copy with {@code origin} replaced. */
    public Agent withOrigin(String origin) {
        return new Agent(id, name, globalName, homeChannel, createdAt, activeStatus, agentId, status, purpose, avatar, goal, bio, registeredAt, lastSeen, leftAt, managed, invoke, presence, mentionWatermark, lastHeartbeat, sessionMode, lastSessionId, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public Agent withSeq(Long seq) {
        return new Agent(id, name, globalName, homeChannel, createdAt, activeStatus, agentId, status, purpose, avatar, goal, bio, registeredAt, lastSeen, leftAt, managed, invoke, presence, mentionWatermark, lastHeartbeat, sessionMode, lastSessionId, origin, seq, extra);
    }
}
