package dev.fray.sdk.query;

/** A thread muted by an agent; {@code expiresAt} is stored, not evaluated (null = no expiry). */
public record MuteView(String threadGuid, String agentId, long mutedAt, Long expiresAt) {
}
