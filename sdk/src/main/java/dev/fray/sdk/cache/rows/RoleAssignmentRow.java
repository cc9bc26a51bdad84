package dev.fray.sdk.cache.rows;

/** {@code fray_role_assignments}: a held role. */
public record RoleAssignmentRow(String agentId, String roleName, long assignedAt) implements CacheRow {
}
