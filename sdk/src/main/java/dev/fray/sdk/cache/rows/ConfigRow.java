package dev.fray.sdk.cache.rows;

/** {@code fray_config}: key/value (the rebuild sets {@code channel_id}, {@code channel_name}). */
public record ConfigRow(String key, String value) implements CacheRow {
}
