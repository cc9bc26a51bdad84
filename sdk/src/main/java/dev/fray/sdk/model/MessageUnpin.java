package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code message_unpin}: A message unpinned from a thread (v1: messages.jsonl; v2: threads.jsonl).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param messageGuid {@code message_guid} (Always): unpinned message
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param unpinnedBy {@code unpinned_by} (Always): agent id
 * @param unpinnedAt {@code unpinned_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record MessageUnpin(
        String messageGuid,
        String threadGuid,
        String unpinnedBy,
        Long unpinnedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public MessageUnpin {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.MESSAGE_UNPIN;
    }

    /** A copy with {@code origin} replaced. */
    public MessageUnpin withOrigin(String origin) {
        return new MessageUnpin(messageGuid, threadGuid, unpinnedBy, unpinnedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public MessageUnpin withSeq(Long seq) {
        return new MessageUnpin(messageGuid, threadGuid, unpinnedBy, unpinnedAt, origin, seq, extra);
    }
}
