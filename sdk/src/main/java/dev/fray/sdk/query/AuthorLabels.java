package dev.fray.sdk.query;

import java.util.Set;

/**
 * fray's byline display rule (reference §5.3): show {@code agent@origin} only for an agent that has posted from more
 * than one distinct non-empty origin; otherwise, and for messages without an origin, the plain agent id.
 */
public final class AuthorLabels {

    private final Set<String> ambiguousAgents;

    AuthorLabels(Set<String> ambiguousAgents) {
        this.ambiguousAgents = Set.copyOf(ambiguousAgents);
    }

    /** Agents that posted from two or more distinct non-empty origins. */
    public Set<String> ambiguousAgents() {
        return ambiguousAgents;
    }

    public String label(String fromAgent, String origin) {
        if (origin == null || origin.isEmpty() || !ambiguousAgents.contains(fromAgent)) {
            return fromAgent;
        }
        return fromAgent + "@" + origin;
    }

    public String label(MessageView message) {
        return label(message.fromAgent(), message.origin());
    }
}
