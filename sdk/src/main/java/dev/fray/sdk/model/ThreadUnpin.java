package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_unpin}: A thread unpinned.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param unpinnedBy {@code unpinned_by} (Always): agent
 * @param unpinnedAt {@code unpinned_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadUnpin(
        String threadGuid,
        String unpinnedBy,
        Long unpinnedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadUnpin {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_UNPIN;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadUnpin withOrigin(String origin) {
        return new ThreadUnpin(threadGuid, unpinnedBy, unpinnedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadUnpin withSeq(Long seq) {
        return new ThreadUnpin(threadGuid, unpinnedBy, unpinnedAt, origin, seq, extra);
    }
}
