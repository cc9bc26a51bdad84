package dev.fray.sdk.cache.rows;

/** {@code fray_agent_descriptors} (v2): the last descriptor of an agent in merge order. */
public record AgentDescriptorRow(String agentId, String displayName, String capabilitiesJson, long updatedAt)
        implements CacheRow {
}
