package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_message_remove}: A message removed from a thread's playlist.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param messageGuid {@code message_guid} (Always): message
 * @param removedBy {@code removed_by} (Always): agent
 * @param removedAt {@code removed_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadMessageRemove(
        String threadGuid,
        String messageGuid,
        String removedBy,
        Long removedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadMessageRemove {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_MESSAGE_REMOVE;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadMessageRemove withOrigin(String origin) {
        return new ThreadMessageRemove(threadGuid, messageGuid, removedBy, removedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadMessageRemove withSeq(Long seq) {
        return new ThreadMessageRemove(threadGuid, messageGuid, removedBy, removedAt, origin, seq, extra);
    }
}
