package dev.fray.sdk.cache.rows;

/** {@code fray_session_roles}: a role played in a session. */
public record SessionRoleRow(String agentId, String roleName, String sessionId, long startedAt) implements CacheRow {
}
