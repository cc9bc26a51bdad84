package dev.fray.sdk.fold;

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

/** The cache table each row type fills (reference §6), for reporting. */
public final class CacheTables {

    private CacheTables() {
    }

    private static final java.util.Map<Class<? extends CacheRow>, String> TABLES = java.util.Map.ofEntries(
            java.util.Map.entry(AgentRow.class, "fray_agents"),
            java.util.Map.entry(AgentDescriptorRow.class, "fray_agent_descriptors"),
            java.util.Map.entry(MessageRow.class, "fray_messages"),
            java.util.Map.entry(QuestionRow.class, "fray_questions"),
            java.util.Map.entry(ThreadRow.class, "fray_threads"),
            java.util.Map.entry(ThreadSubscriptionRow.class, "fray_thread_subscriptions"),
            java.util.Map.entry(ThreadMessageRow.class, "fray_thread_messages"),
            java.util.Map.entry(MessagePinRow.class, "fray_message_pins"),
            java.util.Map.entry(ThreadPinRow.class, "fray_thread_pins"),
            java.util.Map.entry(ThreadMuteRow.class, "fray_thread_mutes"),
            java.util.Map.entry(GhostCursorRow.class, "fray_ghost_cursors"),
            java.util.Map.entry(ReactionRow.class, "fray_reactions"),
            java.util.Map.entry(FaveRow.class, "fray_faves"),
            java.util.Map.entry(RoleAssignmentRow.class, "fray_role_assignments"),
            java.util.Map.entry(SessionRoleRow.class, "fray_session_roles"),
            java.util.Map.entry(ConfigRow.class, "fray_config"));

    public static String tableOf(CacheRow row) {
        return TABLES.get(row.getClass());
    }
}
