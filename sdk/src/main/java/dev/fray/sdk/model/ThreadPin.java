package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_pin}: A thread pinned.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param pinnedBy {@code pinned_by} (Always): agent
 * @param pinnedAt {@code pinned_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadPin(
        String threadGuid,
        String pinnedBy,
        Long pinnedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadPin {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_PIN;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadPin withOrigin(String origin) {
        return new ThreadPin(threadGuid, pinnedBy, pinnedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadPin withSeq(Long seq) {
        return new ThreadPin(threadGuid, pinnedBy, pinnedAt, origin, seq, extra);
    }
}
