package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.AgentDescriptorRow;
import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.cache.rows.CacheRow;
import dev.fray.sdk.cache.rows.ConfigRow;
import dev.fray.sdk.cache.rows.FaveRow;
import dev.fray.sdk.cache.rows.GhostCursorRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.cache.rows.QuestionRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import dev.fray.sdk.cache.rows.RoleAssignmentRow;
import dev.fray.sdk.cache.rows.SessionRoleRow;
import dev.fray.sdk.cache.rows.ThreadMessageRow;
import dev.fray.sdk.cache.rows.ThreadMuteRow;
import dev.fray.sdk.cache.rows.ThreadPinRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Deleting one row by its table's primary key (used by catch-up to take out an entity's old rows). */
final class RowDeletes {

    private record Delete<R extends CacheRow>(String sql, java.util.function.Function<R, Object[]> key) {
    }

    private static final java.util.Map<Class<?>, Delete<?>> BY_TYPE = new java.util.HashMap<>();

    static {
        BY_TYPE.put(AgentRow.class, new Delete<AgentRow>("DELETE FROM fray_agents WHERE guid = ?",
                r -> new Object[] {r.guid()}));
        BY_TYPE.put(AgentDescriptorRow.class, new Delete<AgentDescriptorRow>("DELETE FROM fray_agent_descriptors WHERE agent_id = ?",
                r -> new Object[] {r.agentId()}));
        BY_TYPE.put(MessageRow.class, new Delete<MessageRow>("DELETE FROM fray_messages WHERE guid = ?",
                r -> new Object[] {r.guid()}));
        BY_TYPE.put(QuestionRow.class, new Delete<QuestionRow>("DELETE FROM fray_questions WHERE guid = ?",
                r -> new Object[] {r.guid()}));
        BY_TYPE.put(ThreadRow.class, new Delete<ThreadRow>("DELETE FROM fray_threads WHERE guid = ?",
                r -> new Object[] {r.guid()}));
        BY_TYPE.put(ThreadSubscriptionRow.class, new Delete<ThreadSubscriptionRow>("DELETE FROM fray_thread_subscriptions WHERE thread_guid = ? AND agent_id = ?",
                r -> new Object[] {r.threadGuid(), r.agentId()}));
        BY_TYPE.put(ThreadMessageRow.class, new Delete<ThreadMessageRow>("DELETE FROM fray_thread_messages WHERE thread_guid = ? AND message_guid = ?",
                r -> new Object[] {r.threadGuid(), r.messageGuid()}));
        BY_TYPE.put(MessagePinRow.class, new Delete<MessagePinRow>("DELETE FROM fray_message_pins WHERE message_guid = ? AND thread_guid = ?",
                r -> new Object[] {r.messageGuid(), r.threadGuid()}));
        BY_TYPE.put(ThreadPinRow.class, new Delete<ThreadPinRow>("DELETE FROM fray_thread_pins WHERE thread_guid = ?",
                r -> new Object[] {r.threadGuid()}));
        BY_TYPE.put(ThreadMuteRow.class, new Delete<ThreadMuteRow>("DELETE FROM fray_thread_mutes WHERE thread_guid = ? AND agent_id = ?",
                r -> new Object[] {r.threadGuid(), r.agentId()}));
        BY_TYPE.put(GhostCursorRow.class, new Delete<GhostCursorRow>("DELETE FROM fray_ghost_cursors WHERE agent_id = ? AND home = ?",
                r -> new Object[] {r.agentId(), r.home()}));
        BY_TYPE.put(ReactionRow.class, new Delete<ReactionRow>("DELETE FROM fray_reactions WHERE message_guid = ? AND agent_id = ? AND emoji = ?" + " AND reacted_at = ?",
                r -> new Object[] {r.messageGuid(), r.agentId(), r.emoji(), r.reactedAt()}));
        BY_TYPE.put(FaveRow.class, new Delete<FaveRow>("DELETE FROM fray_faves WHERE agent_id = ? AND item_type = ? AND item_guid = ?",
                r -> new Object[] {r.agentId(), r.itemType(), r.itemGuid()}));
        BY_TYPE.put(RoleAssignmentRow.class, new Delete<RoleAssignmentRow>("DELETE FROM fray_role_assignments WHERE agent_id = ? AND role_name = ?",
                r -> new Object[] {r.agentId(), r.roleName()}));
        BY_TYPE.put(SessionRoleRow.class, new Delete<SessionRoleRow>("DELETE FROM fray_session_roles WHERE agent_id = ? AND role_name = ?",
                r -> new Object[] {r.agentId(), r.roleName()}));
        BY_TYPE.put(ConfigRow.class, new Delete<ConfigRow>("DELETE FROM fray_config WHERE key = ?",
                r -> new Object[] {r.key()}));
    }

    private RowDeletes() {
    }

    private static Delete<?> of(CacheRow row) {
        Delete<?> d = BY_TYPE.get(row.getClass());
        if (d == null) {
            throw new IllegalArgumentException("no cache table for " + row.getClass().getName());
        }
        return d;
    }

    static String sql(CacheRow row) {
        return of(row).sql();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void bind(PreparedStatement ps, CacheRow row) throws SQLException {
        Object[] key = (Object[]) ((java.util.function.Function) of(row).key()).apply(row);
        for (int i = 0; i < key.length; i++) {
            ps.setObject(i + 1, key[i]);
        }
    }
}
