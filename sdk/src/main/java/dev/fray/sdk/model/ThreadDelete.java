package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_delete}: A thread deletion tombstone (sticky). fray also reads the id from {@code guid} when {@code thread_id} is empty; the decoder does the same.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadId {@code thread_id} (Always): deleted thread GUID
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadDelete(
        String threadId,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadDelete {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_DELETE;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadDelete withOrigin(String origin) {
        return new ThreadDelete(threadId, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadDelete withSeq(Long seq) {
        return new ThreadDelete(threadId, seq, ts, origin, extra);
    }
}
