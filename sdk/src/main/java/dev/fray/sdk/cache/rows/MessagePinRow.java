package dev.fray.sdk.cache.rows;

/** {@code fray_message_pins}. */
public record MessagePinRow(String messageGuid, String threadGuid, String pinnedBy, long pinnedAt)
        implements CacheRow {
}
