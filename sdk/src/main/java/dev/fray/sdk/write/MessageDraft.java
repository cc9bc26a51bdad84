package dev.fray.sdk.write;

import dev.fray.sdk.mention.MentionParser;
import dev.fray.sdk.model.Guids;
import dev.fray.sdk.model.Message;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller says when posting: author and body, optionally where and in reply to what. {@link #toMessage} turns it
 * into a {@link Message} the way {@code fray post} does: a fresh {@code msg-} GUID, the time in seconds, and the
 * mentions parsed from the body ({@code @all} expanded to {@code knownAgents}; with known agents given, only their
 * names count as mentions, as in fray).
 *
 * @param knownAgents agent ids known in the channel; empty means "accept any plausible name" (fray's fallback)
 */
public record MessageDraft(String fromAgent, String body, String home, String replyTo, String messageType,
        String sessionId, Set<String> knownAgents) {

    public MessageDraft {
        Objects.requireNonNull(fromAgent, "fromAgent");
        Objects.requireNonNull(body, "body");
        home = home == null || home.isEmpty() ? "room" : home;
        messageType = messageType == null ? "agent" : messageType;
        knownAgents = knownAgents == null ? Set.of() : Set.copyOf(knownAgents);
    }

    /** A message to the room. */
    public static MessageDraft of(String fromAgent, String body) {
        return new MessageDraft(fromAgent, body, null, null, null, null, Set.of());
    }

    public MessageDraft inHome(String newHome) {
        return new MessageDraft(fromAgent, body, newHome, replyTo, messageType, sessionId, knownAgents);
    }

    public MessageDraft replyingTo(String messageGuid) {
        return new MessageDraft(fromAgent, body, home, messageGuid, messageType, sessionId, knownAgents);
    }

    public MessageDraft withKnownAgents(Set<String> agents) {
        return new MessageDraft(fromAgent, body, home, replyTo, messageType, sessionId, agents);
    }

    public Message toMessage(String channelId, Clock clock) {
        MentionParser.Result parsed = MentionParser.extractWithSessions(body, knownAgents.isEmpty() ? null : knownAgents);
        List<String> mentions = MentionParser.expandAll(parsed.mentions(), knownAgents);
        Map<String, String> forks = parsed.forkSessions().isEmpty() ? null : parsed.forkSessions();
        return new Message(Guids.generate(Guids.MESSAGE), channelId, home, fromAgent, null, null, sessionId, body,
                mentions, forks, null, messageType, null, null, replyTo, null, clock.millis() / 1000, null, null,
                Map.of());
    }
}
