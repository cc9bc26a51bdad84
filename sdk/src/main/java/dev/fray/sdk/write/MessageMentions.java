package dev.fray.sdk.write;

import dev.fray.sdk.mention.MentionEncoder;
import dev.fray.sdk.model.Message;
import java.util.Map;

/** Scopes a message's stored mentions and fork-session keys to machines, as fray's v2 {@code AppendMessage} does. */
final class MessageMentions {

    private MessageMentions() {
    }

    static Message scope(Message m, String localMachine, Map<String, String> aliases) {
        if (m.mentions() == null && m.forkSessions() == null) {
            return m;
        }
        return new Message(m.id(), m.channelId(), m.home(), m.fromAgent(), m.origin(), m.seq(), m.sessionId(),
                m.body(), m.mentions() == null ? null : MentionEncoder.encodeAll(m.mentions(), localMachine, aliases),
                m.forkSessions() == null ? null
                        : MentionEncoder.encodeForkSessions(m.forkSessions(), localMachine, aliases),
                m.reactions(), m.messageType(), m.references(), m.surfaceMessage(), m.replyTo(),
                m.quoteMessageGuid(), m.ts(), m.editedAt(), m.archivedAt(), m.extra());
    }
}
