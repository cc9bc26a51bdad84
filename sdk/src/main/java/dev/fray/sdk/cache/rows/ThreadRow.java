package dev.fray.sdk.cache.rows;

/** {@code fray_threads}; {@code type} is the record's {@code thread_type}. */
public record ThreadRow(String guid, String name, String parentThread, String status, String type, long createdAt,
        String anchorMessageGuid, boolean anchorHidden, Long lastActivityAt) implements CacheRow {
}
