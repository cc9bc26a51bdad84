package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code message_delete}: A message deletion tombstone (sticky).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param id {@code id} (Always): deleted message GUID
 * @param deletedBy {@code deleted_by} (Opt): agent id
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record MessageDelete(
        String id,
        String deletedBy,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public MessageDelete {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.MESSAGE_DELETE;
    }

    /** A copy with {@code origin} replaced. */
    public MessageDelete withOrigin(String origin) {
        return new MessageDelete(id, deletedBy, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public MessageDelete withSeq(Long seq) {
        return new MessageDelete(id, deletedBy, seq, ts, origin, extra);
    }
}
