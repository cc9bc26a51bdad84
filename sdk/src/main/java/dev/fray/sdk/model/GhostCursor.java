package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code ghost_cursor}: Where an agent should start reading in a home.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param home {@code home} (Always): {@code room} or thread GUID
 * @param messageGuid {@code message_guid} (Always): start reading here
 * @param mustRead {@code must_read} (Always): always written
 * @param setAt {@code set_at} (Always): ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record GhostCursor(
        String agentId,
        String home,
        String messageGuid,
        Boolean mustRead,
        Long setAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public GhostCursor {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.GHOST_CURSOR;
    }

    /** A copy with {@code origin} replaced. */
    public GhostCursor withOrigin(String origin) {
        return new GhostCursor(agentId, home, messageGuid, mustRead, setAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public GhostCursor withSeq(Long seq) {
        return new GhostCursor(agentId, home, messageGuid, mustRead, setAt, origin, seq, extra);
    }
}
