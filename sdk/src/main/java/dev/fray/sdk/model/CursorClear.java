package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code cursor_clear}: A ghost cursor cleared.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param home {@code home} (Always): home
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record CursorClear(
        String agentId,
        String home,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public CursorClear {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.CURSOR_CLEAR;
    }

    /** A copy with {@code origin} replaced. */
    public CursorClear withOrigin(String origin) {
        return new CursorClear(agentId, home, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public CursorClear withSeq(Long seq) {
        return new CursorClear(agentId, home, seq, ts, origin, extra);
    }
}
