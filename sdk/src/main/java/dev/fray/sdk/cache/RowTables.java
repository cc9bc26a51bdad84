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
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The insert statement of every row type, in fray's insert order (reference §3.2 step 5). Everything is
 * {@code INSERT OR REPLACE} like fray, except reactions: {@code INSERT OR IGNORE}, so two identical reaction records
 * (same message, agent, emoji, {@code reacted_at}) become one row instead of aborting the rebuild as fray's plain
 * {@code INSERT} does. Columns with a fray default get it when the row leaves them null ({@code COALESCE}), because a
 * bound NULL would otherwise bypass the default (and violate NOT NULL for {@code mentions}/{@code reactions}).
 */
final class RowTables {

    private static final Map<Class<? extends CacheRow>, RowTable<?>> BY_TYPE = new LinkedHashMap<>();

    static {
        add(new RowTable<>(ConfigRow.class, "fray_config",
                "INSERT OR REPLACE INTO fray_config (key, value) VALUES (?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.key());
                    ps.setString(2, r.value());
                }));
        add(new RowTable<>(AgentDescriptorRow.class, "fray_agent_descriptors",
                "INSERT OR REPLACE INTO fray_agent_descriptors (agent_id, display_name, capabilities, updated_at)"
                        + " VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setString(2, r.displayName());
                    ps.setString(3, r.capabilitiesJson());
                    ps.setLong(4, r.updatedAt());
                }));
        add(new RowTable<>(AgentRow.class, "fray_agents",
                "INSERT OR REPLACE INTO fray_agents (guid, agent_id, status, purpose, avatar, registered_at, last_seen,"
                        + " left_at, managed, invoke, presence, mention_watermark, last_heartbeat, last_session_id,"
                        + " session_mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'offline'), ?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.guid());
                    ps.setString(2, r.agentId());
                    ps.setString(3, r.status());
                    ps.setString(4, r.purpose());
                    ps.setString(5, r.avatar());
                    ps.setLong(6, r.registeredAt());
                    ps.setLong(7, r.lastSeen());
                    setLong(ps, 8, r.leftAt());
                    ps.setInt(9, r.managed() ? 1 : 0);
                    ps.setString(10, r.invokeJson());
                    ps.setString(11, r.presence());
                    ps.setString(12, r.mentionWatermark());
                    setLong(ps, 13, r.lastHeartbeat());
                    ps.setString(14, r.lastSessionId());
                    ps.setString(15, r.sessionMode());
                }));
        add(new RowTable<>(MessageRow.class, "fray_messages",
                "INSERT OR REPLACE INTO fray_messages (guid, ts, channel_id, home, from_agent, origin, session_id, body,"
                        + " mentions, fork_sessions, type, \"references\", surface_message, reply_to,"
                        + " quote_message_guid, edited_at, archived_at, reactions) VALUES (?, ?, ?, COALESCE(?, 'room'),"
                        + " ?, ?, ?, ?, COALESCE(?, '[]'), ?, COALESCE(?, 'agent'), ?, ?, ?, ?, ?, ?, COALESCE(?, '{}'))",
                (ps, r) -> {
                    ps.setString(1, r.guid());
                    ps.setLong(2, r.ts());
                    ps.setString(3, r.channelId());
                    ps.setString(4, r.home());
                    ps.setString(5, r.fromAgent());
                    ps.setString(6, r.origin());
                    ps.setString(7, r.sessionId());
                    ps.setString(8, r.body());
                    ps.setString(9, r.mentionsJson());
                    ps.setString(10, r.forkSessionsJson());
                    ps.setString(11, r.type());
                    ps.setString(12, r.references());
                    ps.setString(13, r.surfaceMessage());
                    ps.setString(14, r.replyTo());
                    ps.setString(15, r.quoteMessageGuid());
                    setLong(ps, 16, r.editedAt());
                    setLong(ps, 17, r.archivedAt());
                    ps.setString(18, r.reactionsJson());
                }));
        add(new RowTable<>(QuestionRow.class, "fray_questions",
                "INSERT OR REPLACE INTO fray_questions (guid, re, from_agent, to_agent, status, thread_guid, asked_in,"
                        + " answered_in, options, created_at) VALUES (?, ?, ?, ?, COALESCE(?, 'unasked'), ?, ?, ?,"
                        + " COALESCE(?, '[]'), ?)",
                (ps, r) -> {
                    ps.setString(1, r.guid());
                    ps.setString(2, r.re());
                    ps.setString(3, r.fromAgent());
                    ps.setString(4, r.toAgent());
                    ps.setString(5, r.status());
                    ps.setString(6, r.threadGuid());
                    ps.setString(7, r.askedIn());
                    ps.setString(8, r.answeredIn());
                    ps.setString(9, r.optionsJson());
                    ps.setLong(10, r.createdAt());
                }));
        add(new RowTable<>(ThreadRow.class, "fray_threads",
                "INSERT OR REPLACE INTO fray_threads (guid, name, parent_thread, status, type, created_at,"
                        + " anchor_message_guid, anchor_hidden, last_activity_at) VALUES (?, ?, ?, COALESCE(?, 'open'),"
                        + " COALESCE(?, 'standard'), ?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.guid());
                    ps.setString(2, r.name());
                    ps.setString(3, r.parentThread());
                    ps.setString(4, r.status());
                    ps.setString(5, r.type());
                    ps.setLong(6, r.createdAt());
                    ps.setString(7, r.anchorMessageGuid());
                    ps.setInt(8, r.anchorHidden() ? 1 : 0);
                    setLong(ps, 9, r.lastActivityAt());
                }));
        add(new RowTable<>(ThreadSubscriptionRow.class, "fray_thread_subscriptions",
                "INSERT OR REPLACE INTO fray_thread_subscriptions (thread_guid, agent_id, subscribed_at)"
                        + " VALUES (?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.threadGuid());
                    ps.setString(2, r.agentId());
                    ps.setLong(3, r.subscribedAt());
                }));
        add(new RowTable<>(ThreadMessageRow.class, "fray_thread_messages",
                "INSERT OR REPLACE INTO fray_thread_messages (thread_guid, message_guid, added_by, added_at)"
                        + " VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.threadGuid());
                    ps.setString(2, r.messageGuid());
                    ps.setString(3, r.addedBy());
                    ps.setLong(4, r.addedAt());
                }));
        add(new RowTable<>(MessagePinRow.class, "fray_message_pins",
                "INSERT OR REPLACE INTO fray_message_pins (message_guid, thread_guid, pinned_by, pinned_at)"
                        + " VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.messageGuid());
                    ps.setString(2, r.threadGuid());
                    ps.setString(3, r.pinnedBy());
                    ps.setLong(4, r.pinnedAt());
                }));
        add(new RowTable<>(ThreadPinRow.class, "fray_thread_pins",
                "INSERT OR REPLACE INTO fray_thread_pins (thread_guid, pinned_by, pinned_at) VALUES (?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.threadGuid());
                    ps.setString(2, r.pinnedBy());
                    ps.setLong(3, r.pinnedAt());
                }));
        add(new RowTable<>(ThreadMuteRow.class, "fray_thread_mutes",
                "INSERT OR REPLACE INTO fray_thread_mutes (thread_guid, agent_id, muted_at, expires_at)"
                        + " VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.threadGuid());
                    ps.setString(2, r.agentId());
                    ps.setLong(3, r.mutedAt());
                    setLong(ps, 4, r.expiresAt());
                }));
        add(new RowTable<>(GhostCursorRow.class, "fray_ghost_cursors",
                "INSERT OR REPLACE INTO fray_ghost_cursors (agent_id, home, message_guid, must_read, set_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setString(2, r.home());
                    ps.setString(3, r.messageGuid());
                    ps.setInt(4, r.mustRead() ? 1 : 0);
                    ps.setLong(5, r.setAt());
                }));
        add(new RowTable<>(ReactionRow.class, "fray_reactions",
                "INSERT OR IGNORE INTO fray_reactions (message_guid, agent_id, emoji, reacted_at) VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.messageGuid());
                    ps.setString(2, r.agentId());
                    ps.setString(3, r.emoji());
                    ps.setLong(4, r.reactedAt());
                }));
        add(new RowTable<>(FaveRow.class, "fray_faves",
                "INSERT OR REPLACE INTO fray_faves (agent_id, item_type, item_guid, faved_at) VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setString(2, r.itemType());
                    ps.setString(3, r.itemGuid());
                    setLong(ps, 4, r.favedAt());
                }));
        add(new RowTable<>(RoleAssignmentRow.class, "fray_role_assignments",
                "INSERT OR REPLACE INTO fray_role_assignments (agent_id, role_name, assigned_at) VALUES (?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setString(2, r.roleName());
                    ps.setLong(3, r.assignedAt());
                }));
        add(new RowTable<>(SessionRoleRow.class, "fray_session_roles",
                "INSERT OR REPLACE INTO fray_session_roles (agent_id, role_name, session_id, started_at)"
                        + " VALUES (?, ?, ?, ?)",
                (ps, r) -> {
                    ps.setString(1, r.agentId());
                    ps.setString(2, r.roleName());
                    ps.setString(3, r.sessionId());
                    ps.setLong(4, r.startedAt());
                }));
    }

    private RowTables() {
    }

    static RowTable<?> of(CacheRow row) {
        RowTable<?> table = BY_TYPE.get(row.getClass());
        if (table == null) {
            throw new IllegalArgumentException("no cache table for row type " + row.getClass().getName());
        }
        return table;
    }

    /** All row tables in fray's insert order. */
    static List<RowTable<?>> inInsertOrder() {
        return List.copyOf(BY_TYPE.values());
    }

    private static void add(RowTable<?> table) {
        BY_TYPE.put(table.type(), table);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
