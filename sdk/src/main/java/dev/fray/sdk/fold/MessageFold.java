package dev.fray.sdk.fold;

import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.cache.rows.MessageRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message: {@code message}, {@code message_update}, {@code message_move}, {@code message_delete}
 * (reference §3.5.1, §3.5.2).
 * <ul>
 *   <li>A repeated {@code message} replaces the whole record (updates applied so far are lost).</li>
 *   <li>Updates/moves for a message not seen yet: dropped in v1; held in v2 and applied when it appears, updates
 *       before moves.</li>
 *   <li>{@code message_delete} is sticky: body {@code [deleted]}, {@code archived_at} = its ts; later updates and
 *       moves are ignored, pending ones dropped, and a later {@code message} record is deleted again.</li>
 * </ul>
 */
final class MessageFold implements EntityFold {

    static final String DELETED_BODY = "[deleted]";

    private final boolean v2;
    /**
     * The message record: the decoded line's own map until something changes it, then a copy (the line's map may
     * still be held by a {@link CollisionTracker} for its preview, and most messages never change, so copying only
     * on the first change spares nearly every copy).
     */
    private Map<String, Object> msg;
    private boolean msgIsCopy;
    /** The message's reactions, normalised; kept apart from {@link #msg} so setting them needs no copy. */
    private Map<String, List<String>> reactions;
    private String machine;
    private boolean deleted;
    private long deletedAt;
    private final List<Map<String, Object>> pendingUpdates = new ArrayList<>();
    private final List<Map<String, Object>> pendingMoves = new ArrayList<>();

    MessageFold(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public void apply(FoldEvent e) {
        Map<String, Object> f = e.fields();
        switch (e.type()) {
            case MESSAGE -> {
                msg = f;
                msgIsCopy = false;
                machine = e.machine();
                reactions = LegacyReactions.normalize(f.get("reactions"));
                if (deleted) {
                    tombstone();
                } else {
                    pendingUpdates.forEach(this::update);
                    pendingMoves.forEach(this::move);
                }
                pendingUpdates.clear();
                pendingMoves.clear();
            }
            case MESSAGE_UPDATE -> {
                if (deleted) {
                    return;
                }
                if (msg != null) {
                    update(f);
                } else if (v2) {
                    pendingUpdates.add(f);
                }
            }
            case MESSAGE_MOVE -> {
                if (deleted) {
                    return;
                }
                if (msg != null) {
                    move(f);
                } else if (v2) {
                    pendingMoves.add(f);
                }
            }
            case MESSAGE_DELETE -> {
                if (Fields.strOrEmpty(f, "id").isEmpty()) {
                    return;
                }
                deleted = true;
                deletedAt = Fields.lngOrZero(f, "ts");
                pendingUpdates.clear();
                pendingMoves.clear();
                if (msg != null) {
                    tombstone();
                }
            }
            default -> throw new IllegalArgumentException(e.type().wireName());
        }
    }

    private void tombstone() {
        set("body", DELETED_BODY);
        set("archived_at", deletedAt);
    }

    private void update(Map<String, Object> u) {
        if (u.get("body") instanceof String body) {
            set("body", body);
        }
        if (u.containsKey("edited_at")) {
            set("edited_at", u.get("edited_at"));
        }
        if (u.containsKey("archived_at")) {
            set("archived_at", u.get("archived_at"));
        }
        if (u.get("reactions") != null) {
            reactions = LegacyReactions.normalize(u.get("reactions"));
        }
    }

    private void move(Map<String, Object> m) {
        set("home", Fields.strOrEmpty(m, "new_home"));
    }

    /** Changes a field of the message, copying the line's map first (see {@link #msg}). */
    private void set(String field, Object value) {
        if (!msgIsCopy) {
            msg = new LinkedHashMap<>(msg);
            msgIsCopy = true;
        }
        msg.put(field, value);
    }

    @Override
    public void finish(FoldContext out) {
        if (msg == null) {
            return; // pending updates for a message that never appeared are discarded
        }
        String home = Fields.strOrEmpty(msg, "home");
        String origin = Fields.nonEmpty(msg, "origin");
        if (v2 && origin == null) {
            origin = machine;
        }
        long ts = Fields.normalizeTs(Fields.lngOrZero(msg, "ts"));
        String from = Fields.strOrEmpty(msg, "from_agent");
        Object mentions = msg.get("mentions");
        Object fork = msg.get("fork_sessions");
        String type = Fields.nonEmpty(msg, "message_type");
        out.emit(new MessageRow(Fields.strOrEmpty(msg, "id"), ts, Fields.str(msg, "channel_id"),
                home.isEmpty() ? "room" : home, from, origin, Fields.nonEmpty(msg, "session_id"),
                Fields.strOrEmpty(msg, "body"), mentions == null ? "[]" : GoJson.writeValue(mentions),
                fork instanceof Map<?, ?> m && !m.isEmpty() ? GoJson.writeValue(sortedKeys(m)) : null,
                type == null ? "agent" : type, Fields.nonEmpty(msg, "references"),
                Fields.nonEmpty(msg, "surface_message"), Fields.str(msg, "reply_to"),
                Fields.nonEmpty(msg, "quote_message_guid"), Fields.lng(msg, "edited_at"),
                Fields.lng(msg, "archived_at"), GoJson.writeValue(reactions)));
        if (v2) {
            out.agents.noteAuthor(from, ts);
        }
    }

    private static Map<String, Object> sortedKeys(Map<?, ?> m) {
        Map<String, Object> sorted = new java.util.TreeMap<>(dev.fray.spi.Utf8Order::compare);
        m.forEach((k, v) -> sorted.put((String) k, v));
        return sorted;
    }
}
