package dev.fray.sdk.query;

import java.util.List;

/**
 * A message as stored in {@code fray_messages}, with its mentions decoded and its reactions combined (reference
 * §3.5.3). {@code ts}, {@code editedAt}, {@code archivedAt} are seconds; {@code type} is fray's message type.
 */
public record MessageView(String guid, long ts, String channelId, String home, String fromAgent, String origin,
        String sessionId, String body, List<String> mentions, String forkSessionsJson, String type, String references,
        String surfaceMessage, String replyTo, String quoteMessageGuid, Long editedAt, Long archivedAt,
        List<ReactionView> reactions) {

    public MessageView {
        mentions = List.copyOf(mentions);
        reactions = List.copyOf(reactions);
    }

    MessageView withReactions(List<ReactionView> combined) {
        return new MessageView(guid, ts, channelId, home, fromAgent, origin, sessionId, body, mentions,
                forkSessionsJson, type, references, surfaceMessage, replyTo, quoteMessageGuid, editedAt, archivedAt,
                combined);
    }
}
