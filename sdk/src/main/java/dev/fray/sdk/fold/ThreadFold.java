package dev.fray.sdk.fold;

import dev.fray.sdk.cache.rows.ThreadMessageRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thread with its subscriptions and playlist (reference §3.5.5, §3.5.6).
 * <ul>
 *   <li>A repeated {@code thread} replaces the record; status "" means {@code open}.</li>
 *   <li>{@code thread_update} applies each present non-null field (a parent can never be cleared); unknown thread:
 *       dropped in v1, held in v2.</li>
 *   <li>{@code thread_delete} is sticky: status {@code archived}, later updates ignored, pending ones dropped, a
 *       later {@code thread} record archived again.</li>
 *   <li>Subscriptions start from the final record's {@code subscribed} (at its {@code created_at}); then the last
 *       subscribe/unsubscribe per agent decides. Playlist: last add/remove per message decides. Both are skipped
 *       when the thread never appears.</li>
 * </ul>
 * Subscription and playlist events are reduced as they stream by (last event per agent/message), so memory stays
 * proportional to the thread's distinct subscribers and messages, not its events.
 */
final class ThreadFold implements EntityFold {

    private static final String[] UPDATABLE = {"name", "status", "thread_type", "parent_thread",
        "anchor_message_guid", "anchor_hidden", "last_activity_at"};

    private final boolean v2;
    private Map<String, Object> thread;
    private boolean deleted;
    private final List<Map<String, Object>> pending = new ArrayList<>();
    /** Last subscription event per agent: its subscribed_at, or {@code null} for an unsubscribe. */
    private final Map<String, Long> subscriptionEvents = new LinkedHashMap<>();
    /** Last playlist event per message: the add record, or {@code null} for a removal. */
    private final Map<String, Map<String, Object>> playlist = new LinkedHashMap<>();

    ThreadFold(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public void apply(FoldEvent e) {
        Map<String, Object> f = e.fields();
        switch (e.type()) {
            case THREAD -> {
                thread = new LinkedHashMap<>(f);
                if (Fields.strOrEmpty(thread, "status").isEmpty()) {
                    thread.put("status", "open");
                }
                if (deleted) {
                    thread.put("status", "archived");
                } else {
                    pending.forEach(this::update);
                }
                pending.clear();
            }
            case THREAD_UPDATE -> {
                if (deleted) {
                    return;
                }
                if (thread != null) {
                    update(f);
                } else if (v2) {
                    pending.add(f);
                }
            }
            case THREAD_DELETE -> {
                deleted = true;
                pending.clear();
                if (thread != null) {
                    thread.put("status", "archived");
                }
            }
            case THREAD_SUBSCRIBE -> subscriptionEvents.put(Fields.strOrEmpty(f, "agent_id"),
                    Fields.lngOrZero(f, "subscribed_at"));
            case THREAD_UNSUBSCRIBE -> subscriptionEvents.put(Fields.strOrEmpty(f, "agent_id"), null);
            case THREAD_MESSAGE -> playlist.put(Fields.strOrEmpty(f, "message_guid"), f);
            case THREAD_MESSAGE_REMOVE -> playlist.put(Fields.strOrEmpty(f, "message_guid"), null);
            default -> throw new IllegalArgumentException(e.type().wireName());
        }
    }

    private void update(Map<String, Object> u) {
        for (String key : UPDATABLE) {
            Object v = u.get(key);
            if (v != null) {
                thread.put(key, v);
            }
        }
    }

    @Override
    public void finish(FoldContext out) {
        if (thread == null) {
            return;
        }
        String guid = Fields.strOrEmpty(thread, "guid");
        long createdAt = Fields.lngOrZero(thread, "created_at");
        String type = Fields.nonEmpty(thread, "thread_type");
        out.emit(new ThreadRow(guid, Fields.strOrEmpty(thread, "name"), Fields.nonEmpty(thread, "parent_thread"),
                Fields.strOrEmpty(thread, "status"), type == null ? "standard" : type, createdAt,
                Fields.nonEmpty(thread, "anchor_message_guid"), Fields.bool(thread, "anchor_hidden"),
                Fields.lng(thread, "last_activity_at")));

        Map<String, Long> subscribed = new LinkedHashMap<>();
        if (thread.get("subscribed") instanceof List<?> initial) {
            for (Object agent : initial) {
                if (agent instanceof String a && !a.isEmpty()) {
                    subscribed.put(a, createdAt);
                }
            }
        }
        subscriptionEvents.forEach((agent, at) -> {
            if (at == null) {
                subscribed.remove(agent);
            } else {
                subscribed.put(agent, at);
            }
        });
        subscribed.forEach((agent, at) -> out.emit(new ThreadSubscriptionRow(guid, agent, at)));
        playlist.forEach((message, add) -> {
            if (add != null) {
                out.emit(new ThreadMessageRow(guid, message, Fields.strOrEmpty(add, "added_by"),
                        Fields.lngOrZero(add, "added_at")));
            }
        });
    }
}
