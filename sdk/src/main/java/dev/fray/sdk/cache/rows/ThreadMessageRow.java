package dev.fray.sdk.cache.rows;

/** {@code fray_thread_messages}: a message in a thread's playlist (its home is unchanged). */
public record ThreadMessageRow(String threadGuid, String messageGuid, String addedBy, long addedAt)
        implements CacheRow {
}
