package dev.fray.sdk.read;

import static dev.fray.sdk.read.FieldKind.BOOL;
import static dev.fray.sdk.read.FieldKind.INT;
import static dev.fray.sdk.read.FieldKind.INVOKE;
import static dev.fray.sdk.read.FieldKind.OPTIONS;
import static dev.fray.sdk.read.FieldKind.REACTION_MAP;
import static dev.fray.sdk.read.FieldKind.STRING;
import static dev.fray.sdk.read.FieldKind.STRING_LIST;
import static dev.fray.sdk.read.FieldKind.STRING_MAP;

import dev.fray.sdk.model.RecordType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types of the fields fray's Go structs declare for each record type the rebuild decodes (reference §2). A
 * line whose known field has the wrong JSON type, or a fraction where Go has an {@code int64}, fails to decode in
 * fray and is skipped; fray-jvm applies the same test so both skip the same lines (and fray-jvm reports them).
 *
 * <p>Unknown keys are ignored, as in Go. Go also matches keys case-insensitively; fray-jvm matches them exactly.
 */
public final class RecordSchema {

    private static final Map<RecordType, Map<String, FieldKind>> SCHEMAS = new EnumMap<>(RecordType.class);

    static {
        def(RecordType.MESSAGE, "id", STRING, "channel_id", STRING, "home", STRING, "from_agent", STRING,
                "origin", STRING, "seq", INT, "session_id", STRING, "body", STRING, "mentions", STRING_LIST,
                "fork_sessions", STRING_MAP, "reactions", REACTION_MAP, "message_type", STRING, "references", STRING,
                "surface_message", STRING, "reply_to", STRING, "quote_message_guid", STRING, "ts", INT,
                "edited_at", INT, "archived_at", INT);
        def(RecordType.MESSAGE_UPDATE, "id", STRING, "body", STRING, "edited_at", INT, "archived_at", INT,
                "reactions", REACTION_MAP, "reason", STRING);
        def(RecordType.MESSAGE_DELETE, "id", STRING, "deleted_by", STRING, "seq", INT, "ts", INT);
        def(RecordType.MESSAGE_MOVE, "message_guid", STRING, "old_home", STRING, "new_home", STRING,
                "moved_by", STRING, "moved_at", INT);
        def(RecordType.REACTION, "message_guid", STRING, "agent_id", STRING, "emoji", STRING, "reacted_at", INT);
        def(RecordType.MESSAGE_PIN, "message_guid", STRING, "thread_guid", STRING, "pinned_by", STRING,
                "pinned_at", INT);
        def(RecordType.MESSAGE_UNPIN, "message_guid", STRING, "thread_guid", STRING, "unpinned_by", STRING,
                "unpinned_at", INT);
        def(RecordType.THREAD, "guid", STRING, "name", STRING, "parent_thread", STRING, "subscribed", STRING_LIST,
                "status", STRING, "thread_type", STRING, "created_at", INT, "anchor_message_guid", STRING,
                "anchor_hidden", BOOL, "last_activity_at", INT);
        def(RecordType.THREAD_UPDATE, "guid", STRING, "name", STRING, "status", STRING, "thread_type", STRING,
                "parent_thread", STRING, "anchor_message_guid", STRING, "anchor_hidden", BOOL,
                "last_activity_at", INT);
        def(RecordType.THREAD_DELETE, "thread_id", STRING, "guid", STRING, "seq", INT, "ts", INT);
        def(RecordType.THREAD_SUBSCRIBE, "thread_guid", STRING, "agent_id", STRING, "subscribed_at", INT);
        def(RecordType.THREAD_UNSUBSCRIBE, "thread_guid", STRING, "agent_id", STRING, "unsubscribed_at", INT);
        def(RecordType.THREAD_MESSAGE, "thread_guid", STRING, "message_guid", STRING, "added_by", STRING,
                "added_at", INT);
        def(RecordType.THREAD_MESSAGE_REMOVE, "thread_guid", STRING, "message_guid", STRING, "removed_by", STRING,
                "removed_at", INT);
        def(RecordType.THREAD_PIN, "thread_guid", STRING, "pinned_by", STRING, "pinned_at", INT);
        def(RecordType.THREAD_UNPIN, "thread_guid", STRING, "unpinned_by", STRING, "unpinned_at", INT);
        def(RecordType.THREAD_MUTE, "thread_guid", STRING, "agent_id", STRING, "muted_at", INT, "expires_at", INT);
        def(RecordType.THREAD_UNMUTE, "thread_guid", STRING, "agent_id", STRING, "unmuted_at", INT);
        def(RecordType.QUESTION, "guid", STRING, "re", STRING, "from_agent", STRING, "to", STRING, "status", STRING,
                "thread_guid", STRING, "asked_in", STRING, "answered_in", STRING, "options", OPTIONS,
                "created_at", INT);
        def(RecordType.QUESTION_UPDATE, "guid", STRING, "status", STRING, "to", STRING, "thread_guid", STRING,
                "asked_in", STRING, "answered_in", STRING);
        def(RecordType.AGENT_DESCRIPTOR, "agent_id", STRING, "display_name", STRING, "capabilities", STRING_LIST,
                "seq", INT, "ts", INT);
        def(RecordType.GHOST_CURSOR, "agent_id", STRING, "home", STRING, "message_guid", STRING, "must_read", BOOL,
                "set_at", INT);
        def(RecordType.CURSOR_CLEAR, "agent_id", STRING, "home", STRING, "seq", INT, "ts", INT);
        def(RecordType.AGENT_FAVE, "agent_id", STRING, "item_type", STRING, "item_guid", STRING, "faved_at", INT);
        def(RecordType.AGENT_UNFAVE, "agent_id", STRING, "item_type", STRING, "item_guid", STRING,
                "unfaved_at", INT);
        def(RecordType.FAVE_REMOVE, "agent_id", STRING, "item_type", STRING, "item_guid", STRING, "seq", INT,
                "ts", INT);
        def(RecordType.ROLE_HOLD, "agent_id", STRING, "role_name", STRING, "assigned_at", INT);
        def(RecordType.ROLE_DROP, "agent_id", STRING, "role_name", STRING, "dropped_at", INT);
        def(RecordType.ROLE_RELEASE, "agent_id", STRING, "role_name", STRING, "seq", INT, "ts", INT);
        def(RecordType.ROLE_PLAY, "agent_id", STRING, "role_name", STRING, "session_id", STRING, "started_at", INT);
        def(RecordType.ROLE_STOP, "agent_id", STRING, "role_name", STRING, "stopped_at", INT);
        def(RecordType.AGENT, "id", STRING, "name", STRING, "global_name", STRING, "home_channel", STRING,
                "created_at", STRING, "active_status", STRING, "agent_id", STRING, "status", STRING,
                "purpose", STRING, "avatar", STRING, "goal", STRING, "bio", STRING, "registered_at", INT,
                "last_seen", INT, "left_at", INT, "managed", BOOL, "invoke", INVOKE, "presence", STRING,
                "mention_watermark", STRING, "last_heartbeat", INT, "session_mode", STRING,
                "last_session_id", STRING);
        def(RecordType.AGENT_UPDATE, "agent_id", STRING, "status", STRING, "purpose", STRING, "avatar", STRING,
                "aap_guid", STRING, "last_seen", INT, "left_at", INT, "managed", BOOL, "invoke", INVOKE,
                "presence", STRING, "mention_watermark", STRING, "last_heartbeat", INT, "session_mode", STRING,
                "last_session_id", STRING);
        def(RecordType.PRESENCE_EVENT, "agent_id", STRING, "from", STRING, "to", STRING, "status", STRING,
                "reason", STRING, "source", STRING, "ts", INT);
    }

    private RecordSchema() {
    }

    private static void def(RecordType type, Object... pairs) {
        Map<String, FieldKind> fields = new LinkedHashMap<>();
        fields.put("type", STRING);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], (FieldKind) pairs[i + 1]);
        }
        SCHEMAS.put(type, fields);
    }

    /** Every field name a schema declares, nested ones included, each once. */
    static List<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        SCHEMAS.values().forEach(fields -> names.addAll(fields.keySet()));
        names.addAll(FieldKind.nestedFieldNames());
        return List.copyOf(names);
    }

    /** Why the record does not decode as {@code type} in fray, or {@code null} when it does. */
    public static String mismatch(RecordType type, Map<String, Object> record) {
        Map<String, FieldKind> fields = SCHEMAS.get(type);
        if (fields == null) {
            return null;
        }
        for (Map.Entry<String, Object> e : record.entrySet()) {
            FieldKind kind = fields.get(e.getKey());
            if (kind != null) {
                String why = kind.mismatch(e.getValue());
                if (why != null) {
                    return "field \"" + e.getKey() + "\" of " + type.wireName() + ": " + why;
                }
            }
        }
        return null;
    }
}
