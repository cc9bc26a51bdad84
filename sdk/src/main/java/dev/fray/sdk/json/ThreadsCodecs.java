package dev.fray.sdk.json;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.Thread;
import dev.fray.sdk.model.ThreadDelete;
import dev.fray.sdk.model.ThreadMessage;
import dev.fray.sdk.model.ThreadMessageRemove;
import dev.fray.sdk.model.ThreadMute;
import dev.fray.sdk.model.ThreadPin;
import dev.fray.sdk.model.ThreadSubscribe;
import dev.fray.sdk.model.ThreadUnmute;
import dev.fray.sdk.model.ThreadUnpin;
import dev.fray.sdk.model.ThreadUnsubscribe;
import dev.fray.sdk.model.ThreadUpdate;

/**
 * Field-by-field decoding and encoding of the record types of the Threads group, in fray's struct key order
 * (reference §2). fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) that fray's struct lacks come
 * after fray's keys; unknown keys kept in {@code extra} come last.
 */
final class ThreadsCodecs {

    private ThreadsCodecs() {
    }

    static void register(CodecRegistry registry) {
        registry.add(RecordType.THREAD, Thread.class, ThreadsCodecs::decodeThread, ThreadsCodecs::encodeThread);
        registry.add(RecordType.THREAD_UPDATE, ThreadUpdate.class, ThreadsCodecs::decodeThreadUpdate, ThreadsCodecs::encodeThreadUpdate);
        registry.add(RecordType.THREAD_DELETE, ThreadDelete.class, ThreadsCodecs::decodeThreadDelete, ThreadsCodecs::encodeThreadDelete);
        registry.add(RecordType.THREAD_SUBSCRIBE, ThreadSubscribe.class, ThreadsCodecs::decodeThreadSubscribe, ThreadsCodecs::encodeThreadSubscribe);
        registry.add(RecordType.THREAD_UNSUBSCRIBE, ThreadUnsubscribe.class, ThreadsCodecs::decodeThreadUnsubscribe, ThreadsCodecs::encodeThreadUnsubscribe);
        registry.add(RecordType.THREAD_MESSAGE, ThreadMessage.class, ThreadsCodecs::decodeThreadMessage, ThreadsCodecs::encodeThreadMessage);
        registry.add(RecordType.THREAD_MESSAGE_REMOVE, ThreadMessageRemove.class, ThreadsCodecs::decodeThreadMessageRemove, ThreadsCodecs::encodeThreadMessageRemove);
        registry.add(RecordType.THREAD_PIN, ThreadPin.class, ThreadsCodecs::decodeThreadPin, ThreadsCodecs::encodeThreadPin);
        registry.add(RecordType.THREAD_UNPIN, ThreadUnpin.class, ThreadsCodecs::decodeThreadUnpin, ThreadsCodecs::encodeThreadUnpin);
        registry.add(RecordType.THREAD_MUTE, ThreadMute.class, ThreadsCodecs::decodeThreadMute, ThreadsCodecs::encodeThreadMute);
        registry.add(RecordType.THREAD_UNMUTE, ThreadUnmute.class, ThreadsCodecs::decodeThreadUnmute, ThreadsCodecs::encodeThreadUnmute);
    }

    static Thread decodeThread(Fields f) {
        return new Thread(
                f.str("guid"),
                f.str("name"),
                f.str("parent_thread"),
                f.strList("subscribed"),
                f.str("status"),
                f.str("thread_type"),
                f.int64("created_at"),
                f.str("anchor_message_guid"),
                f.bool("anchor_hidden"),
                f.int64("last_activity_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThread(Thread r, GoWriter w) {
        w.alwaysStr("guid", r.guid());
        w.alwaysStr("name", r.name());
        w.optPtrStr("parent_thread", r.parentThread());
        w.optStrList("subscribed", r.subscribed());
        w.alwaysStr("status", r.status());
        w.optStr("thread_type", r.threadType());
        w.alwaysInt("created_at", r.createdAt());
        w.optPtrStr("anchor_message_guid", r.anchorMessageGuid());
        w.optBool("anchor_hidden", r.anchorHidden());
        w.optPtrInt("last_activity_at", r.lastActivityAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadUpdate decodeThreadUpdate(Fields f) {
        return new ThreadUpdate(
                f.str("guid"),
                f.str("name"),
                f.str("status"),
                f.str("thread_type"),
                f.str("parent_thread"),
                f.str("anchor_message_guid"),
                f.bool("anchor_hidden"),
                f.int64("last_activity_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.lenientInt64("ts"),
                f.rest());
    }

    static void encodeThreadUpdate(ThreadUpdate r, GoWriter w) {
        w.alwaysStr("guid", r.guid());
        w.optPtrStr("name", r.name());
        w.optPtrStr("status", r.status());
        w.optPtrStr("thread_type", r.threadType());
        w.optPtrStr("parent_thread", r.parentThread());
        w.optPtrStr("anchor_message_guid", r.anchorMessageGuid());
        w.optPtrBool("anchor_hidden", r.anchorHidden());
        w.optPtrInt("last_activity_at", r.lastActivityAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.optPtrInt("ts", r.ts());
        w.extra(r.extra());
    }

    static ThreadDelete decodeThreadDelete(Fields f) {
        String threadId = f.str("thread_id");
        if (threadId == null || threadId.isEmpty()) {
            // fray accepts the id under "guid" too
            String guid = f.str("guid");
            threadId = guid != null ? guid : threadId;
        }
        return new ThreadDelete(
                threadId,
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeThreadDelete(ThreadDelete r, GoWriter w) {
        w.alwaysStr("thread_id", r.threadId());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static ThreadSubscribe decodeThreadSubscribe(Fields f) {
        return new ThreadSubscribe(
                f.str("thread_guid"),
                f.str("agent_id"),
                f.int64("subscribed_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadSubscribe(ThreadSubscribe r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysInt("subscribed_at", r.subscribedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadUnsubscribe decodeThreadUnsubscribe(Fields f) {
        return new ThreadUnsubscribe(
                f.str("thread_guid"),
                f.str("agent_id"),
                f.int64("unsubscribed_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadUnsubscribe(ThreadUnsubscribe r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysInt("unsubscribed_at", r.unsubscribedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadMessage decodeThreadMessage(Fields f) {
        return new ThreadMessage(
                f.str("thread_guid"),
                f.str("message_guid"),
                f.str("added_by"),
                f.int64("added_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadMessage(ThreadMessage r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("added_by", r.addedBy());
        w.alwaysInt("added_at", r.addedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadMessageRemove decodeThreadMessageRemove(Fields f) {
        return new ThreadMessageRemove(
                f.str("thread_guid"),
                f.str("message_guid"),
                f.str("removed_by"),
                f.int64("removed_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadMessageRemove(ThreadMessageRemove r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysStr("removed_by", r.removedBy());
        w.alwaysInt("removed_at", r.removedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadPin decodeThreadPin(Fields f) {
        return new ThreadPin(
                f.str("thread_guid"),
                f.str("pinned_by"),
                f.int64("pinned_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadPin(ThreadPin r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("pinned_by", r.pinnedBy());
        w.alwaysInt("pinned_at", r.pinnedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadUnpin decodeThreadUnpin(Fields f) {
        return new ThreadUnpin(
                f.str("thread_guid"),
                f.str("unpinned_by"),
                f.int64("unpinned_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadUnpin(ThreadUnpin r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("unpinned_by", r.unpinnedBy());
        w.alwaysInt("unpinned_at", r.unpinnedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadMute decodeThreadMute(Fields f) {
        return new ThreadMute(
                f.str("thread_guid"),
                f.str("agent_id"),
                f.int64("muted_at"),
                f.int64("expires_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadMute(ThreadMute r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysInt("muted_at", r.mutedAt());
        w.optPtrInt("expires_at", r.expiresAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static ThreadUnmute decodeThreadUnmute(Fields f) {
        return new ThreadUnmute(
                f.str("thread_guid"),
                f.str("agent_id"),
                f.int64("unmuted_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeThreadUnmute(ThreadUnmute r, GoWriter w) {
        w.alwaysStr("thread_guid", r.threadGuid());
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysInt("unmuted_at", r.unmutedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }
}
