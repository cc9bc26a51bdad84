package dev.fray.sdk.cache.rows;

/** {@code fray_thread_pins}. */
public record ThreadPinRow(String threadGuid, String pinnedBy, long pinnedAt) implements CacheRow {
}
