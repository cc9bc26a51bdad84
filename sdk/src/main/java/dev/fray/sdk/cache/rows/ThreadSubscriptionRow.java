package dev.fray.sdk.cache.rows;

/** {@code fray_thread_subscriptions}. */
public record ThreadSubscriptionRow(String threadGuid, String agentId, long subscribedAt) implements CacheRow {
}
