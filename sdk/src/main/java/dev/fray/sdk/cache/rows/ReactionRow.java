package dev.fray.sdk.cache.rows;

/** {@code fray_reactions}: one row per distinct reaction record (fray-jvm de-duplicates; fray aborts). */
public record ReactionRow(String messageGuid, String agentId, String emoji, long reactedAt) implements CacheRow {
}
