package dev.fray.sdk.cache.rows;

/**
 * {@code fray_messages}. {@code ts} is normalised to seconds (fray's only normalisation); {@code type} is the record's
 * {@code message_type}; {@code origin} is the writing machine (v2) or null (v1).
 */
public record MessageRow(String guid, long ts, String channelId, String home, String fromAgent, String origin,
        String sessionId, String body, String mentionsJson, String forkSessionsJson, String type, String references,
        String surfaceMessage, String replyTo, String quoteMessageGuid, Long editedAt, Long archivedAt,
        String reactionsJson) implements CacheRow {
}
