package dev.fray.sdk.query;

/**
 * An agent of {@code fray_agents}, joined with its v2 descriptor when there is one ({@code displayName} and
 * {@code capabilitiesJson} are null otherwise).
 */
public record AgentView(String guid, String agentId, String status, String purpose, String avatar, long registeredAt,
        long lastSeen, Long leftAt, boolean managed, String presence, String displayName, String capabilitiesJson) {
}
