package dev.fray.sdk.cache.rows;

/** {@code fray_faves}. */
public record FaveRow(String agentId, String itemType, String itemGuid, Long favedAt) implements CacheRow {
}
