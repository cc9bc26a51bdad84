package dev.fray.sdk.fold;

import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.cache.rows.AgentDescriptorRow;
import dev.fray.sdk.cache.rows.FaveRow;
import dev.fray.sdk.cache.rows.GhostCursorRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.RoleAssignmentRow;
import dev.fray.sdk.cache.rows.SessionRoleRow;
import dev.fray.sdk.cache.rows.ThreadMuteRow;
import dev.fray.sdk.cache.rows.ThreadPinRow;
import java.util.List;
import java.util.Map;

/**
 * The keyed state tables where the last event in fold order wins and nothing is sticky (reference §3.5.4, §3.5.7,
 * §3.5.10–3.5.13): message pins, thread pins, thread mutes, ghost cursors, faves, held roles, session roles and
 * agent descriptors. A "set" event stores its record; a "remove" event clears it; the final record becomes the row.
 */
final class LastEventFold implements EntityFold {

    private final Family family;
    private Map<String, Object> current;

    LastEventFold(Family family) {
        this.family = family;
    }

    /**
     * Whether applying {@code e} changes the state: every event does, except a {@code cursor_clear} that does not
     * name both the agent and the home (fray ignores it). The last event that takes effect decides the row.
     */
    boolean takesEffect(FoldEvent e) {
        return e.type() != dev.fray.sdk.model.RecordType.CURSOR_CLEAR
                || (!Fields.strOrEmpty(e.fields(), "agent_id").isEmpty()
                        && !Fields.strOrEmpty(e.fields(), "home").isEmpty());
    }

    /**
     * Whether an event of this type takes effect whatever its fields say, so that no earlier event can matter once
     * it decodes (every type but {@code cursor_clear}, see {@link #takesEffect}).
     */
    static boolean alwaysTakesEffect(int recordTypeOrdinal) {
        return recordTypeOrdinal != dev.fray.sdk.model.RecordType.CURSOR_CLEAR.ordinal();
    }

    @Override
    public void apply(FoldEvent e) {
        Map<String, Object> f = e.fields();
        switch (e.type()) {
            case MESSAGE_PIN, THREAD_PIN, THREAD_MUTE, GHOST_CURSOR, AGENT_FAVE, ROLE_HOLD, ROLE_PLAY,
                    AGENT_DESCRIPTOR -> {
                current = f;
            }
            case CURSOR_CLEAR -> {
                if (takesEffect(e)) {
                    current = null;
                }
            }
            case MESSAGE_UNPIN, THREAD_UNPIN, THREAD_UNMUTE, AGENT_UNFAVE, FAVE_REMOVE, ROLE_DROP, ROLE_RELEASE,
                    ROLE_STOP -> current = null;
            default -> throw new IllegalArgumentException(e.type().wireName());
        }
    }

    @Override
    public void finish(FoldContext out) {
        if (current == null) {
            return;
        }
        Map<String, Object> f = current;
        String agent = Fields.strOrEmpty(f, "agent_id");
        switch (family) {
            case MESSAGE_PIN -> out.emit(new MessagePinRow(Fields.strOrEmpty(f, "message_guid"),
                    Fields.strOrEmpty(f, "thread_guid"), Fields.strOrEmpty(f, "pinned_by"),
                    Fields.lngOrZero(f, "pinned_at")));
            case THREAD_PIN -> out.emit(new ThreadPinRow(Fields.strOrEmpty(f, "thread_guid"),
                    Fields.strOrEmpty(f, "pinned_by"), Fields.lngOrZero(f, "pinned_at")));
            case THREAD_MUTE -> {
                Long expires = Fields.lng(f, "expires_at");
                out.emit(new ThreadMuteRow(Fields.strOrEmpty(f, "thread_guid"), agent,
                        Fields.lngOrZero(f, "muted_at"), expires == null || expires == 0 ? null : expires));
            }
            case GHOST_CURSOR -> out.emit(new GhostCursorRow(agent, Fields.strOrEmpty(f, "home"),
                    Fields.strOrEmpty(f, "message_guid"), Fields.bool(f, "must_read"),
                    Fields.lngOrZero(f, "set_at")));
            case FAVE -> out.emit(new FaveRow(agent, Fields.strOrEmpty(f, "item_type"),
                    Fields.strOrEmpty(f, "item_guid"), Fields.lngOrZero(f, "faved_at")));
            case ROLE -> out.emit(new RoleAssignmentRow(agent, Fields.strOrEmpty(f, "role_name"),
                    Fields.lngOrZero(f, "assigned_at")));
            case SESSION_ROLE -> out.emit(new SessionRoleRow(agent, Fields.strOrEmpty(f, "role_name"),
                    Fields.nonEmpty(f, "session_id"), Fields.lngOrZero(f, "started_at")));
            case DESCRIPTOR -> {
                Object caps = f.get("capabilities");
                long ts = Fields.lngOrZero(f, "ts");
                out.emit(new AgentDescriptorRow(agent, Fields.nonEmpty(f, "display_name"),
                        caps instanceof List<?> ? GoJson.writeValue(caps) : "[]", ts));
                out.agents.noteDescriptor(agent, Fields.normalizeTs(ts));
            }
            default -> throw new IllegalStateException(family.name());
        }
    }
}
