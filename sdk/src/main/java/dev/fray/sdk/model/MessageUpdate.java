package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code message_update}: An edit, archive or (legacy) reaction/soft-delete update of a message.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param id {@code id} (Always): target message GUID
 * @param body {@code body} (Opt): new body
 * @param editedAt {@code edited_at} (Opt): s, raw
 * @param archivedAt {@code archived_at} (Opt): s, raw
 * @param archivedAtNull the line had an explicit {@code "archived_at": null} (see {@link #clearsArchivedAt()})
 * @param reactions {@code reactions} (Opt): legacy full replacement of the reaction map
 * @param reason {@code reason} (Opt): edit reason (version history only)
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param ts {@code ts} (fray-jvm extension, ignored by fray): ordering timestamp fray-jvm adds because this type has none of its own (s)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record MessageUpdate(
        String id,
        String body,
        Long editedAt,
        Long archivedAt,
        boolean archivedAtNull,
        Map<String, List<String>> reactions,
        String reason,
        String origin,
        Long seq,
        Long ts,
        Map<String, JsonNode> extra) implements FrayRecord {

    public MessageUpdate {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.MESSAGE_UPDATE;
    }

    /**
     * True when the line carries an explicit {@code "archived_at": null}: fray's reader then clears the archive time.
     * fray never writes one; it is kept so a rewrite preserves it.
     */
    public boolean clearsArchivedAt() {
        return archivedAtNull;
    }

    /** A copy with {@code origin} replaced. */
    public MessageUpdate withOrigin(String origin) {
        return new MessageUpdate(id, body, editedAt, archivedAt, archivedAtNull, reactions, reason, origin, seq, ts, extra);
    }

    /** A copy with {@code seq} replaced. */
    public MessageUpdate withSeq(Long seq) {
        return new MessageUpdate(id, body, editedAt, archivedAt, archivedAtNull, reactions, reason, origin, seq, ts, extra);
    }
}
