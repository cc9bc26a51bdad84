package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code thread}: A thread created (writer {@code AppendThread}).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param guid {@code guid} (Always): thread GUID {@code thrd-xxxxxxxx}
 * @param name {@code name} (Always): thread name
 * @param parentThread {@code parent_thread} (Opt): parent thread GUID
 * @param subscribed {@code subscribed} (Opt): initial subscribers
 * @param status {@code status} (Always): {@code open} or {@code archived}; empty means open (see {@link #statusOrOpen()})
 * @param threadType {@code thread_type} (Opt): {@code standard}, {@code knowledge} or {@code system}
 * @param createdAt {@code created_at} (Always): s, raw
 * @param anchorMessageGuid {@code anchor_message_guid} (Opt): anchor message
 * @param anchorHidden {@code anchor_hidden} (Opt): anchor hidden
 * @param lastActivityAt {@code last_activity_at} (Opt): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record Thread(
        String guid,
        String name,
        String parentThread,
        List<String> subscribed,
        String status,
        String threadType,
        Long createdAt,
        String anchorMessageGuid,
        Boolean anchorHidden,
        Long lastActivityAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public Thread {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD;
    }

    /** The status with fray's reader default: missing or empty means {@code "open"}. */
    public String statusOrOpen() {
        return status == null || status.isEmpty() ? "open" : status;
    }

    /** A copy with {@code origin} replaced. */
    public Thread withOrigin(String origin) {
        return new Thread(guid, name, parentThread, subscribed, status, threadType, createdAt, anchorMessageGuid, anchorHidden, lastActivityAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public Thread withSeq(Long seq) {
        return new Thread(guid, name, parentThread, subscribed, status, threadType, createdAt, anchorMessageGuid, anchorHidden, lastActivityAt, origin, seq, extra);
    }
}
