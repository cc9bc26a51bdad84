package dev.fray.sdk.cache.rows;

/** {@code fray_agents}: a local runtime agent, or a synthetic one made from message authors or descriptors. */
public record AgentRow(String guid, String agentId, String status, String purpose, String avatar, long registeredAt,
        long lastSeen, Long leftAt, boolean managed, String invokeJson, String presence, String mentionWatermark,
        Long lastHeartbeat, String lastSessionId, String sessionMode) implements CacheRow {
}
