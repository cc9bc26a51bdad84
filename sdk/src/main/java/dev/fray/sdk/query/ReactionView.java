package dev.fray.sdk.query;

/** One reaction: {@code reactedAt} in ms, 0 for reactions from a legacy {@code reactions} map. */
public record ReactionView(String emoji, String agentId, long reactedAt) {
}
