package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_update}: A partial thread update: only present fields apply; {@code null} means absent, so a parent can never be cleared.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param guid {@code guid} (Always): thread GUID
 * @param name {@code name} (Opt): new name
 * @param status {@code status} (Opt): new status
 * @param threadType {@code thread_type} (Opt): new type
 * @param parentThread {@code parent_thread} (Opt): new parent
 * @param anchorMessageGuid {@code anchor_message_guid} (Opt): new anchor
 * @param anchorHidden {@code anchor_hidden} (Opt): anchor hidden
 * @param lastActivityAt {@code last_activity_at} (Opt): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param ts {@code ts} (fray-jvm extension, ignored by fray): ordering timestamp fray-jvm adds because this type has none of its own (s)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadUpdate(
        String guid,
        String name,
        String status,
        String threadType,
        String parentThread,
        String anchorMessageGuid,
        Boolean anchorHidden,
        Long lastActivityAt,
        String origin,
        Long seq,
        Long ts,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadUpdate {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_UPDATE;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadUpdate withOrigin(String origin) {
        return new ThreadUpdate(guid, name, status, threadType, parentThread, anchorMessageGuid, anchorHidden, lastActivityAt, origin, seq, ts, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadUpdate withSeq(Long seq) {
        return new ThreadUpdate(guid, name, status, threadType, parentThread, anchorMessageGuid, anchorHidden, lastActivityAt, origin, seq, ts, extra);
    }
}
