package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code agent_update}: A partial agent update (machine-local runtime); {@code null} means absent.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent handle
 * @param status {@code status} (Opt): current task
 * @param purpose {@code purpose} (Opt): static role
 * @param avatar {@code avatar} (Opt): avatar
 * @param aapGuid {@code aap_guid} (Opt): never applied by fray readers
 * @param lastSeen {@code last_seen} (Opt): s, raw
 * @param leftAt {@code left_at} (Opt): s, raw
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
public record AgentUpdate(
        String agentId,
        String status,
        String purpose,
        String avatar,
        String aapGuid,
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

    public AgentUpdate {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_UPDATE;
    }

    /** A copy with {@code origin} replaced. */
    public AgentUpdate withOrigin(String origin) {
        return new AgentUpdate(agentId, status, purpose, avatar, aapGuid, lastSeen, leftAt, managed, invoke, presence, mentionWatermark, lastHeartbeat, sessionMode, lastSessionId, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public AgentUpdate withSeq(Long seq) {
        return new AgentUpdate(agentId, status, purpose, avatar, aapGuid, lastSeen, leftAt, managed, invoke, presence, mentionWatermark, lastHeartbeat, sessionMode, lastSessionId, origin, seq, extra);
    }
}
