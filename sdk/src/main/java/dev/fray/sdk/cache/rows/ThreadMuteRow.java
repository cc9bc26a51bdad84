package dev.fray.sdk.cache.rows;

/** {@code fray_thread_mutes}; expiry is stored, not evaluated. */
public record ThreadMuteRow(String threadGuid, String agentId, long mutedAt, Long expiresAt) implements CacheRow {
}
