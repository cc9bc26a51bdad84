package dev.fray.sdk.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record type fray writes: its wire name, the log it goes to in each layout, the fields fray's v2 merge reads
 * its ordering timestamp from, and whether fray gives it a sequence number.
 *
 * <p>This enum is the single source of truth for record type names and file routing (reference §1.3, §2, §3.4).
 */
public enum RecordType {
    // messages.jsonl
    MESSAGE("message", LogFile.MESSAGES, LogFile.MESSAGES, true, "ts"),
    MESSAGE_UPDATE("message_update", LogFile.MESSAGES, LogFile.MESSAGES, false, "edited_at", "archived_at", "ts"),
    MESSAGE_DELETE("message_delete", LogFile.MESSAGES, LogFile.MESSAGES, true, "ts"),
    MESSAGE_MOVE("message_move", LogFile.MESSAGES, LogFile.MESSAGES, false, "moved_at", "ts"),
    REACTION("reaction", LogFile.MESSAGES, LogFile.MESSAGES, false, "reacted_at", "ts"),
    // message pins: messages.jsonl in v1, threads.jsonl in v2
    MESSAGE_PIN("message_pin", LogFile.MESSAGES, LogFile.THREADS, false, "pinned_at", "ts"),
    MESSAGE_UNPIN("message_unpin", LogFile.MESSAGES, LogFile.THREADS, false, "unpinned_at", "ts"),
    // threads.jsonl
    THREAD("thread", LogFile.THREADS, LogFile.THREADS, false, "created_at", "ts"),
    THREAD_UPDATE("thread_update", LogFile.THREADS, LogFile.THREADS, false, "last_activity_at", "ts"),
    THREAD_DELETE("thread_delete", LogFile.THREADS, LogFile.THREADS, true, "ts"),
    THREAD_SUBSCRIBE("thread_subscribe", LogFile.THREADS, LogFile.THREADS, false, "subscribed_at", "ts"),
    THREAD_UNSUBSCRIBE("thread_unsubscribe", LogFile.THREADS, LogFile.THREADS, false, "unsubscribed_at", "ts"),
    THREAD_MESSAGE("thread_message", LogFile.THREADS, LogFile.THREADS, false, "added_at", "ts"),
    THREAD_MESSAGE_REMOVE("thread_message_remove", LogFile.THREADS, LogFile.THREADS, false, "removed_at", "ts"),
    THREAD_PIN("thread_pin", LogFile.THREADS, LogFile.THREADS, false, "pinned_at", "ts"),
    THREAD_UNPIN("thread_unpin", LogFile.THREADS, LogFile.THREADS, false, "unpinned_at", "ts"),
    THREAD_MUTE("thread_mute", LogFile.THREADS, LogFile.THREADS, false, "muted_at", "ts"),
    THREAD_UNMUTE("thread_unmute", LogFile.THREADS, LogFile.THREADS, false, "unmuted_at", "ts"),
    // questions.jsonl
    QUESTION("question", LogFile.QUESTIONS, LogFile.QUESTIONS, false, "created_at", "ts"),
    QUESTION_UPDATE("question_update", LogFile.QUESTIONS, LogFile.QUESTIONS, false, "ts"),
    // shared per-agent state: agents.jsonl in v1, agent-state.jsonl in v2
    AGENT_DESCRIPTOR("agent_descriptor", LogFile.AGENTS, LogFile.AGENT_STATE, true, "ts"),
    GHOST_CURSOR("ghost_cursor", LogFile.AGENTS, LogFile.AGENT_STATE, false, "set_at", "ts"),
    CURSOR_CLEAR("cursor_clear", LogFile.AGENTS, LogFile.AGENT_STATE, true, "ts"),
    AGENT_FAVE("agent_fave", LogFile.AGENTS, LogFile.AGENT_STATE, false, "faved_at", "ts"),
    AGENT_UNFAVE("agent_unfave", LogFile.AGENTS, LogFile.AGENT_STATE, false, "unfaved_at", "ts"),
    FAVE_REMOVE("fave_remove", LogFile.AGENTS, LogFile.AGENT_STATE, true, "ts"),
    ROLE_HOLD("role_hold", LogFile.AGENTS, LogFile.AGENT_STATE, false, "assigned_at", "ts"),
    ROLE_DROP("role_drop", LogFile.AGENTS, LogFile.AGENT_STATE, false, "dropped_at", "ts"),
    ROLE_RELEASE("role_release", LogFile.AGENTS, LogFile.AGENT_STATE, true, "ts"),
    ROLE_PLAY("role_play", LogFile.AGENTS, LogFile.AGENT_STATE, false, "started_at", "ts"),
    ROLE_STOP("role_stop", LogFile.AGENTS, LogFile.AGENT_STATE, false, "stopped_at", "ts"),
    // machine-local runtime: agents.jsonl in v1, local/runtime.jsonl in v2 (not merged across machines)
    AGENT("agent", LogFile.AGENTS, LogFile.RUNTIME, false),
    AGENT_UPDATE("agent_update", LogFile.AGENTS, LogFile.RUNTIME, false),
    SESSION_START("session_start", LogFile.AGENTS, LogFile.RUNTIME, false),
    SESSION_END("session_end", LogFile.AGENTS, LogFile.RUNTIME, false),
    SESSION_SHUTDOWN("session_shutdown", LogFile.AGENTS, LogFile.RUNTIME, false),
    SESSION_HEARTBEAT("session_heartbeat", LogFile.AGENTS, LogFile.RUNTIME, false),
    USAGE_SNAPSHOT("usage_snapshot", LogFile.AGENTS, LogFile.RUNTIME, false),
    PRESENCE_EVENT("presence_event", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION("wake_condition", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_CLEAR("wake_condition_clear", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_CLEAR_BY_BYE("wake_condition_clear_by_bye", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_DELETE("wake_condition_delete", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_PAUSE("wake_condition_pause", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_RESUME("wake_condition_resume", LogFile.AGENTS, LogFile.RUNTIME, false),
    WAKE_CONDITION_RESET("wake_condition_reset", LogFile.AGENTS, LogFile.RUNTIME, false),
    JOB_CREATE("job_create", LogFile.AGENTS, LogFile.RUNTIME, false),
    JOB_UPDATE("job_update", LogFile.AGENTS, LogFile.RUNTIME, false),
    JOB_WORKER_JOIN("job_worker_join", LogFile.AGENTS, LogFile.RUNTIME, false),
    JOB_WORKER_LEAVE("job_worker_leave", LogFile.AGENTS, LogFile.RUNTIME, false),
    // permissions.jsonl, same place in both layouts
    PERMISSION_REQUEST("permission_request", LogFile.PERMISSIONS, LogFile.PERMISSIONS, false),
    PERMISSION_UPDATE("permission_update", LogFile.PERMISSIONS, LogFile.PERMISSIONS, false);

    private static final Map<String, RecordType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (RecordType t : values()) {
            BY_WIRE_NAME.put(t.wireName, t);
        }
    }

    private final String wireName;
    private final LogFile v1File;
    private final LogFile v2File;
    private final boolean sequenced;
    private final List<String> mergeTimestampFields;

    RecordType(String wireName, LogFile v1File, LogFile v2File, boolean sequenced, String... mergeTimestampFields) {
        this.wireName = wireName;
        this.v1File = v1File;
        this.v2File = v2File;
        this.sequenced = sequenced;
        this.mergeTimestampFields = List.of(mergeTimestampFields);
    }

    /** The value of the record's {@code "type"} key. */
    public String wireName() {
        return wireName;
    }

    /** The log this type is written to in a v1 (legacy) channel. */
    public LogFile v1File() {
        return v1File;
    }

    /** The log this type is written to in a v2 (multi-machine) channel. */
    public LogFile v2File() {
        return v2File;
    }

    public LogFile fileFor(StorageVersion version) {
        return version.isMultiMachine() ? v2File : v1File;
    }

    /** True for the types fray gives a fresh per-machine {@code seq} (reference §2.7). */
    public boolean isSequencedByFray() {
        return sequenced;
    }

    /**
     * The fields fray's v2 merge reads the ordering timestamp from, first present integer wins, else 0
     * (reference §3.4). Empty for types that are never merged across machines.
     */
    public List<String> mergeTimestampFields() {
        return mergeTimestampFields;
    }

    /**
     * The unit fray writes this type's own timestamps in: milliseconds for reactions and the per-agent state types
     * (cursors, faves, roles; reference §2.1, §2.4), seconds for everything else. fray-jvm uses it for the {@code ts}
     * it adds to records that lack an ordering timestamp.
     */
    public boolean timestampsInMillis() {
        return switch (this) {
            case REACTION, GHOST_CURSOR, CURSOR_CLEAR, AGENT_FAVE, AGENT_UNFAVE, FAVE_REMOVE, ROLE_HOLD, ROLE_DROP,
                    ROLE_RELEASE, ROLE_PLAY, ROLE_STOP -> true;
            default -> false;
        };
    }

    /** The type with this wire name, or {@code null} for a type fray-jvm does not know. */
    public static RecordType fromWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}
