package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code message}: A posted message (writer {@code AppendMessage}).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param id {@code id} (Always): message GUID {@code msg-xxxxxxxx}
 * @param channelId {@code channel_id} (Always, nullable): channel GUID; {@code null} in some daemon-created records
 * @param home {@code home} (Opt): {@code room} or a thread GUID; absent/empty means {@code room} (see {@link #homeOrRoom()})
 * @param fromAgent {@code from_agent} (Always): author agent id (never machine-scoped)
 * @param origin {@code origin} (Opt): v2: machine id of the writer
 * @param seq {@code seq} (Opt): v2: per-machine sequence number
 * @param sessionId {@code session_id} (Opt): agent CLI session id that posted
 * @param body {@code body} (Always): markdown text
 * @param mentions {@code mentions} (Always, nullable): mention targets without {@code @}; {@code null} as often written by fray (see {@link #mentionsOrEmpty()})
 * @param forkSessions {@code fork_sessions} (Opt): mention target to session-id prefix for {@code @agent#sess}
 * @param reactions {@code reactions} (Opt): legacy reaction map: reaction to agent ids
 * @param messageType {@code message_type} (Always): {@code agent}, {@code user}, {@code event}, {@code surface} or {@code tombstone}
 * @param references {@code references} (Opt): referenced message GUID
 * @param surfaceMessage {@code surface_message} (Opt): surface/back-link message GUID
 * @param replyTo {@code reply_to} (Always, nullable): parent message GUID
 * @param quoteMessageGuid {@code quote_message_guid} (Opt): quoted message GUID
 * @param ts {@code ts} (Always): creation time, raw (normally s; ms for daemon stdout-repair messages)
 * @param editedAt {@code edited_at} (Always, nullable): s, raw
 * @param archivedAt {@code archived_at} (Always, nullable): s, raw
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record Message(
        String id,
        String channelId,
        String home,
        String fromAgent,
        String origin,
        Long seq,
        String sessionId,
        String body,
        List<String> mentions,
        Map<String, String> forkSessions,
        Map<String, List<String>> reactions,
        String messageType,
        String references,
        String surfaceMessage,
        String replyTo,
        String quoteMessageGuid,
        Long ts,
        Long editedAt,
        Long archivedAt,
        Map<String, JsonNode> extra) implements FrayRecord {

    public Message {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.MESSAGE;
    }

    /** The home with fray's reader default: missing or empty means {@code "room"}. */
    public String homeOrRoom() {
        return home == null || home.isEmpty() ? "room" : home;
    }

    /** The mentions with fray's reader default: {@code null} means none. */
    public List<String> mentionsOrEmpty() {
        return mentions == null ? List.of() : mentions;
    }

    /** A copy with {@code origin} replaced. */
    public Message withOrigin(String origin) {
        return new Message(id, channelId, home, fromAgent, origin, seq, sessionId, body, mentions, forkSessions, reactions, messageType, references, surfaceMessage, replyTo, quoteMessageGuid, ts, editedAt, archivedAt, extra);
    }

    /** A copy with {@code seq} replaced. */
    public Message withSeq(Long seq) {
        return new Message(id, channelId, home, fromAgent, origin, seq, sessionId, body, mentions, forkSessions, reactions, messageType, references, surfaceMessage, replyTo, quoteMessageGuid, ts, editedAt, archivedAt, extra);
    }
}
