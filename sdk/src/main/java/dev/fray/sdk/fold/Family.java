package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import java.util.Map;
import java.util.function.Function;

/**
 * The entity kinds of the fold. Every folded record belongs to exactly one entity of one family, identified by a
 * key taken from the record; an entity's fold depends only on its own records, in merge order.
 */
enum Family {
    MESSAGE, THREAD, QUESTION, AGENT, DESCRIPTOR, MESSAGE_PIN, THREAD_PIN, THREAD_MUTE, GHOST_CURSOR, FAVE, ROLE,
    SESSION_ROLE, REACTION;

    /** The family a record type folds into, or {@code null} for types the rebuild does not fold. */
    static Family of(RecordType t) {
        return switch (t) {
            case MESSAGE, MESSAGE_UPDATE, MESSAGE_DELETE, MESSAGE_MOVE -> MESSAGE;
            case THREAD, THREAD_UPDATE, THREAD_DELETE, THREAD_SUBSCRIBE, THREAD_UNSUBSCRIBE, THREAD_MESSAGE,
                    THREAD_MESSAGE_REMOVE -> THREAD;
            case QUESTION, QUESTION_UPDATE -> QUESTION;
            case AGENT, AGENT_UPDATE, PRESENCE_EVENT -> AGENT;
            case AGENT_DESCRIPTOR -> DESCRIPTOR;
            case MESSAGE_PIN, MESSAGE_UNPIN -> MESSAGE_PIN;
            case THREAD_PIN, THREAD_UNPIN -> THREAD_PIN;
            case THREAD_MUTE, THREAD_UNMUTE -> THREAD_MUTE;
            case GHOST_CURSOR, CURSOR_CLEAR -> GHOST_CURSOR;
            case AGENT_FAVE, AGENT_UNFAVE, FAVE_REMOVE -> FAVE;
            case ROLE_HOLD, ROLE_DROP, ROLE_RELEASE -> ROLE;
            case ROLE_PLAY, ROLE_STOP -> SESSION_ROLE;
            case REACTION -> REACTION;
            default -> null;
        };
    }

    /**
     * Whether the family's row depends only on its last event in merge order that takes effect (pins, mutes,
     * cursors, faves, roles, descriptors: folded by {@link LastEventFold}); the others fold every event.
     */
    boolean lastEventWins() {
        return switch (this) {
            case MESSAGE, THREAD, QUESTION, AGENT, REACTION -> false;
            default -> true;
        };
    }

    /** The entity key of a record of this family (composite keys joined by NUL, which ids never contain). */
    static String key(RecordType t, Map<String, Object> f) {
        return key(t, (Function<String, Object>) f::get);
    }

    /** As {@link #key(RecordType, Map)}, reading fields through {@code f} (a decoded record or a {@link LeanLine}). */
    static String key(RecordType t, Function<String, Object> f) {
        return switch (t) {
            case MESSAGE, MESSAGE_UPDATE, MESSAGE_DELETE -> str(f, "id");
            case MESSAGE_MOVE -> str(f, "message_guid");
            case THREAD, THREAD_UPDATE, QUESTION, QUESTION_UPDATE -> str(f, "guid");
            case THREAD_DELETE -> {
                String id = str(f, "thread_id");
                yield id.isEmpty() ? str(f, "guid") : id;
            }
            case THREAD_SUBSCRIBE, THREAD_UNSUBSCRIBE, THREAD_MESSAGE, THREAD_MESSAGE_REMOVE, THREAD_PIN,
                    THREAD_UNPIN -> str(f, "thread_guid");
            case THREAD_MUTE, THREAD_UNMUTE -> join(f, "thread_guid", "agent_id");
            case MESSAGE_PIN, MESSAGE_UNPIN -> join(f, "message_guid", "thread_guid");
            case AGENT, AGENT_UPDATE, PRESENCE_EVENT, AGENT_DESCRIPTOR -> str(f, "agent_id");
            case GHOST_CURSOR, CURSOR_CLEAR -> join(f, "agent_id", "home");
            case AGENT_FAVE, AGENT_UNFAVE, FAVE_REMOVE -> join(f, "agent_id", "item_type", "item_guid");
            case ROLE_HOLD, ROLE_DROP, ROLE_RELEASE, ROLE_PLAY, ROLE_STOP -> join(f, "agent_id", "role_name");
            case REACTION -> join(f, "message_guid", "agent_id", "emoji") + '\0' + lng(f, "reacted_at");
            default -> throw new IllegalArgumentException(t.wireName());
        };
    }

    private static String str(Function<String, Object> f, String key) {
        return f.apply(key) instanceof String s ? s : "";
    }

    private static long lng(Function<String, Object> f, String key) {
        return f.apply(key) instanceof Long l ? l : 0;
    }

    private static String join(Function<String, Object> f, String... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append('\0');
            }
            sb.append(str(f, keys[i]));
        }
        return sb.toString();
    }
}
