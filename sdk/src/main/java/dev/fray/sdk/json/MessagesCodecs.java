package dev.fray.sdk.json;

import dev.fray.sdk.model.Message;
import dev.fray.sdk.model.MessageDelete;
import dev.fray.sdk.model.MessageMove;
import dev.fray.sdk.model.MessagePin;
import dev.fray.sdk.model.MessageUnpin;
import dev.fray.sdk.model.MessageUpdate;
import dev.fray.sdk.model.Reaction;
import dev.fray.sdk.model.RecordType;

/**
 * Field-by-field decoding and encoding of the record types of the Messages group, in fray's struct key order
 * (reference §2). fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) that fray's struct lacks come
 * after fray's keys; unknown keys kept in {@code extra} come last.
 */
final class MessagesCodecs {

    private MessagesCodecs() {
    }

    static void register(CodecRegistry registry) {
        registry.add(RecordType.MESSAGE, Message.class, MessagesCodecs::decodeMessage, MessagesCodecs::encodeMessage);
        registry.add(RecordType.MESSAGE_UPDATE, MessageUpdate.class, MessagesCodecs::decodeMessageUpdate, MessagesCodecs::encodeMessageUpdate);
        registry.add(RecordType.MESSAGE_DELETE, MessageDelete.class, MessagesCodecs::decodeMessageDelete, MessagesCodecs::encodeMessageDelete);
        registry.add(RecordType.MESSAGE_MOVE, MessageMove.class, MessagesCodecs::decodeMessageMove, MessagesCodecs::encodeMessageMove);
        registry.add(RecordType.REACTION, Reaction.class, MessagesCodecs::decodeReaction, MessagesCodecs::encodeReaction);
        registry.add(RecordType.MESSAGE_PIN, MessagePin.class, MessagesCodecs::decodeMessagePin, MessagesCodecs::encodeMessagePin);
        registry.add(RecordType.MESSAGE_UNPIN, MessageUnpin.class, MessagesCodecs::decodeMessageUnpin, MessagesCodecs::encodeMessageUnpin);
    }

    static Message decodeMessage(Fields f) {
        return new Message(
                f.str("id"),
                f.str("channel_id"),
                f.str("home"),
                f.str("from_agent"),
                f.str("origin"),
                f.int64("seq"),
                f.str("session_id"),
                f.str("body"),
                f.strList("mentions"),
                f.strMap("fork_sessions"),
                f.strListMap("reactions"),
                f.str("message_type"),
                f.str("references"),
                f.str("surface_message"),
                f.str("reply_to"),
                f.str("quote_message_guid"),
                f.int64("ts"),
                f.int64("edited_at"),
                f.int64("archived_at"),
                f.rest());
    }

    static void encodeMessage(Message r, GoWriter w) {
        w.alwaysStr("id", r.id());
        w.nullableStr("channel_id", r.channelId());
        w.optStr("home", r.home());
        w.alwaysStr("from_agent", r.fromAgent());
        w.optStr("origin", r.origin());
        w.optInt("seq", r.seq());
        w.optPtrStr("session_id", r.sessionId());
        w.alwaysStr("body", r.body());
        w.nullableStrList("mentions", r.mentions());
        w.optStrMap("fork_sessions", r.forkSessions());
        w.optStrListMap("reactions", r.reactions(), false);
        w.alwaysStr("message_type", r.messageType());
        w.optPtrStr("references", r.references());
        w.optPtrStr("surface_message", r.surfaceMessage());
        w.nullableStr("reply_to", r.replyTo());
        w.optPtrStr("quote_message_guid", r.quoteMessageGuid());
        w.alwaysInt("ts", r.ts());
        w.nullableInt("edited_at", r.editedAt());
        w.nullableInt("archived_at", r.archivedAt());
        w.extra(r.extra());
    }

    static MessageUpdate decodeMessageUpdate(Fields f) {
        boolean archivedAtNull = f.isExplicitNull("archived_at");
        return new MessageUpdate(
                f.str("id"),
                f.str("body"),
                f.int64("edited_at"),
                f.int64("archived_at"),
                archivedAtNull,
                f.strListMap("reactions"),
                f.str("reason"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.lenientInt64("ts"),
                f.rest());
    }

    static void encodeMessageUpdate(MessageUpdate r, GoWriter w) {
        w.alwaysStr("id", r.id());
        w.optPtrStr("body", r.body());
        w.optPtrInt("edited_at", r.editedAt());
        if (r.archivedAt() == null && r.clearsArchivedAt()) {
            w.nullableInt("archived_at", null);
        } else {
            w.optPtrInt("archived_at", r.archivedAt());
        }
        w.optStrListMap("reactions", r.reactions(), true);
        w.optPtrStr("reason", r.reason());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.optPtrInt("ts", r.ts());
        w.extra(r.extra());
    }

    static MessageDelete decodeMessageDelete(Fields f) {
        return new MessageDelete(
                f.str("id"),
                f.str("deleted_by"),
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeMessageDelete(MessageDelete r, GoWriter w) {
        w.alwaysStr("id", r.id());
        w.optPtrStr("deleted_by", r.deletedBy());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static MessageMove decodeMessageMove(Fields f) {
        return new MessageMove(
                f.str("message_guid"),
                f.str("old_home"),
                f.str("new_home"),
                f.str("moved_by"),
                f.int64("moved_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeMessageMove(MessageMove r, GoWriter w) {
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("old_home", r.oldHome());
        w.alwaysStr("new_home", r.newHome());
        w.alwaysStr("moved_by", r.movedBy());
        w.alwaysInt("moved_at", r.movedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static Reaction decodeReaction(Fields f) {
        return new Reaction(
                f.str("message_guid"),
                f.str("agent_id"),
                f.str("emoji"),
                f.int64("reacted_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeReaction(Reaction r, GoWriter w) {
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("emoji", r.emoji());
        w.alwaysInt("reacted_at", r.reactedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static MessagePin decodeMessagePin(Fields f) {
        return new MessagePin(
                f.str("message_guid"),
                f.str("thread_guid"),
                f.str("pinned_by"),
                f.int64("pinned_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeMessagePin(MessagePin r, GoWriter w) {
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("pinned_by", r.pinnedBy());
        w.alwaysInt("pinned_at", r.pinnedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static MessageUnpin decodeMessageUnpin(Fields f) {
        return new MessageUnpin(
                f.str("message_guid"),
                f.str("thread_guid"),
                f.str("unpinned_by"),
                f.int64("unpinned_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeMessageUnpin(MessageUnpin r, GoWriter w) {
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("unpinned_by", r.unpinnedBy());
        w.alwaysInt("unpinned_at", r.unpinnedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }
}
