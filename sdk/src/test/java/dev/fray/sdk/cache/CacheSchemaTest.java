package dev.fray.sdk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's schema, as SQLite reports it, against reference §6 (written out here independently of the DDL). */
class CacheSchemaTest {

    /** table -> "column type notnull pk" per column, in order; then indexes. Transcribed from reference §6. */
    private static final Map<String, String> EXPECTED_COLUMNS = new TreeMap<>(Map.ofEntries(
            Map.entry("fray_agents", "guid TEXT 0 1, agent_id TEXT 1 0, aap_guid TEXT 0 0, status TEXT 0 0,"
                    + " purpose TEXT 0 0, avatar TEXT 0 0, registered_at INTEGER 1 0, last_seen INTEGER 1 0,"
                    + " left_at INTEGER 0 0, managed INTEGER 1 0, invoke TEXT 0 0, presence TEXT 0 0,"
                    + " presence_changed_at INTEGER 0 0, mention_watermark TEXT 0 0, reaction_watermark INTEGER 0 0,"
                    + " last_heartbeat INTEGER 0 0, last_session_id TEXT 0 0, session_mode TEXT 0 0, job_id TEXT 0 0,"
                    + " job_idx INTEGER 0 0, is_ephemeral INTEGER 1 0, last_known_input INTEGER 0 0,"
                    + " last_known_output INTEGER 0 0, tokens_updated_at INTEGER 0 0"),
            Map.entry("fray_agent_descriptors", "agent_id TEXT 0 1, display_name TEXT 0 0, capabilities TEXT 0 0,"
                    + " updated_at INTEGER 0 0"),
            Map.entry("fray_agent_sessions", "session_id TEXT 0 1, agent_id TEXT 1 0, triggered_by TEXT 0 0,"
                    + " thread_guid TEXT 0 0, started_at INTEGER 1 0, ended_at INTEGER 0 0, exit_code INTEGER 0 0,"
                    + " duration_ms INTEGER 0 0"),
            Map.entry("fray_messages", "guid TEXT 0 1, ts INTEGER 1 0, channel_id TEXT 0 0, home TEXT 0 0,"
                    + " from_agent TEXT 1 0, origin TEXT 0 0, session_id TEXT 0 0, body TEXT 1 0, mentions TEXT 1 0,"
                    + " fork_sessions TEXT 0 0, type TEXT 0 0, references TEXT 0 0, surface_message TEXT 0 0,"
                    + " reply_to TEXT 0 0, quote_message_guid TEXT 0 0, edited_at INTEGER 0 0,"
                    + " archived_at INTEGER 0 0, reactions TEXT 1 0"),
            Map.entry("fray_questions", "guid TEXT 0 1, re TEXT 1 0, from_agent TEXT 1 0, to_agent TEXT 0 0,"
                    + " status TEXT 0 0, thread_guid TEXT 0 0, asked_in TEXT 0 0, answered_in TEXT 0 0,"
                    + " options TEXT 0 0, created_at INTEGER 1 0"),
            Map.entry("fray_threads", "guid TEXT 0 1, name TEXT 1 0, parent_thread TEXT 0 0, status TEXT 0 0,"
                    + " type TEXT 0 0, created_at INTEGER 1 0, anchor_message_guid TEXT 0 0,"
                    + " anchor_hidden INTEGER 1 0, last_activity_at INTEGER 0 0"),
            Map.entry("fray_thread_subscriptions", "thread_guid TEXT 1 1, agent_id TEXT 1 2,"
                    + " subscribed_at INTEGER 1 0"),
            Map.entry("fray_thread_messages", "thread_guid TEXT 1 1, message_guid TEXT 1 2, added_by TEXT 1 0,"
                    + " added_at INTEGER 1 0"),
            Map.entry("fray_message_pins", "message_guid TEXT 1 1, thread_guid TEXT 1 2, pinned_by TEXT 1 0,"
                    + " pinned_at INTEGER 1 0"),
            Map.entry("fray_thread_pins", "thread_guid TEXT 0 1, pinned_by TEXT 1 0, pinned_at INTEGER 1 0"),
            Map.entry("fray_thread_mutes", "thread_guid TEXT 1 1, agent_id TEXT 1 2, muted_at INTEGER 1 0,"
                    + " expires_at INTEGER 0 0"),
            Map.entry("fray_linked_projects", "alias TEXT 0 1, path TEXT 1 0"),
            Map.entry("fray_config", "key TEXT 0 1, value TEXT 1 0"),
            Map.entry("fray_filters", "agent_id TEXT 0 1, mentions_pattern TEXT 0 0"),
            Map.entry("fray_read_receipts", "message_guid TEXT 1 1, agent_prefix TEXT 1 2, read_at INTEGER 1 0"),
            Map.entry("fray_read_to", "agent_id TEXT 1 1, home TEXT 1 2, message_guid TEXT 1 0,"
                    + " message_ts INTEGER 1 0, set_at INTEGER 1 0"),
            Map.entry("fray_ghost_cursors", "agent_id TEXT 1 1, home TEXT 1 2, message_guid TEXT 1 0,"
                    + " must_read INTEGER 1 0, set_at INTEGER 1 0, session_ack_at INTEGER 0 0"),
            Map.entry("fray_staged_cursors", "agent_id TEXT 1 1, home TEXT 1 2, message_guid TEXT 1 0,"
                    + " must_read INTEGER 1 0, set_at INTEGER 1 0"),
            Map.entry("fray_claims", "id INTEGER 0 1, agent_id TEXT 1 0, claim_type TEXT 1 0, pattern TEXT 1 0,"
                    + " reason TEXT 0 0, created_at INTEGER 1 0, expires_at INTEGER 0 0"),
            Map.entry("fray_reactions", "message_guid TEXT 1 1, agent_id TEXT 1 2, emoji TEXT 1 3,"
                    + " reacted_at INTEGER 1 4"),
            Map.entry("fray_faves", "agent_id TEXT 1 1, item_type TEXT 1 2, item_guid TEXT 1 3,"
                    + " faved_at INTEGER 0 0, nickname TEXT 0 0"),
            Map.entry("fray_role_assignments", "agent_id TEXT 1 1, role_name TEXT 1 2, assigned_at INTEGER 1 0"),
            Map.entry("fray_session_roles", "agent_id TEXT 1 1, role_name TEXT 1 2, session_id TEXT 0 0,"
                    + " started_at INTEGER 1 0"),
            Map.entry("fray_wake_conditions", "guid TEXT 0 1, agent_id TEXT 1 0, set_by TEXT 1 0, type TEXT 1 0,"
                    + " pattern TEXT 0 0, on_agents TEXT 0 0, in_thread TEXT 0 0, after_ms INTEGER 0 0,"
                    + " use_router INTEGER 1 0, prompt TEXT 0 0, prompt_text TEXT 0 0, poll_interval_ms INTEGER 0 0,"
                    + " last_polled_at INTEGER 0 0, persist_mode TEXT 0 0, paused INTEGER 1 0,"
                    + " created_at INTEGER 1 0, expires_at INTEGER 0 0"),
            Map.entry("fray_jobs", "guid TEXT 0 1, name TEXT 1 0, context TEXT 0 0, owner_agent TEXT 0 0,"
                    + " status TEXT 0 0, thread_guid TEXT 0 0, created_at INTEGER 1 0, completed_at INTEGER 0 0"),
            Map.entry("fray_jvm_meta", "key TEXT 0 1, value TEXT 1 0"),
            Map.entry("fray_jvm_sources", "path TEXT 0 1, size INTEGER 1 0, mtime_ms INTEGER 1 0,"
                    + " fingerprint TEXT 1 0")));

    /** Named (non-automatic) indexes, as "table: index(columns)". */
    private static final List<String> EXPECTED_INDEXES = List.of(
            "fray_agent_sessions: idx_fray_agent_sessions_agent(agent_id)",
            "fray_agent_sessions: idx_fray_agent_sessions_started(started_at)",
            "fray_claims: idx_fray_claims_agent(agent_id)",
            "fray_claims: idx_fray_claims_expires(expires_at)",
            "fray_claims: idx_fray_claims_type(claim_type)",
            "fray_faves: idx_fray_faves_agent(agent_id)",
            "fray_faves: idx_fray_faves_item(item_type,item_guid)",
            "fray_ghost_cursors: idx_fray_ghost_cursors_agent(agent_id)",
            "fray_jobs: idx_fray_jobs_status(status)",
            "fray_message_pins: idx_fray_message_pins_thread(thread_guid)",
            "fray_messages: idx_fray_messages_archived(archived_at)",
            "fray_messages: idx_fray_messages_from(from_agent)",
            "fray_messages: idx_fray_messages_reply_to(reply_to)",
            "fray_messages: idx_fray_messages_ts(ts)",
            "fray_questions: idx_fray_questions_status(status)",
            "fray_questions: idx_fray_questions_thread(thread_guid)",
            "fray_reactions: idx_fray_reactions_agent(agent_id)",
            "fray_reactions: idx_fray_reactions_message(message_guid)",
            "fray_read_receipts: idx_fray_read_receipts_agent(agent_prefix)",
            "fray_read_receipts: idx_fray_read_receipts_msg(message_guid)",
            "fray_read_to: idx_fray_read_to_home(home)",
            "fray_role_assignments: idx_fray_role_assignments_role(role_name)",
            "fray_session_roles: idx_fray_session_roles_role(role_name)",
            "fray_thread_messages: idx_fray_thread_messages_message(message_guid)",
            "fray_thread_mutes: idx_fray_thread_mutes_agent(agent_id)",
            "fray_thread_mutes: idx_fray_thread_mutes_expires(expires_at)",
            "fray_threads: idx_fray_threads_activity(last_activity_at)",
            "fray_threads: idx_fray_threads_parent(parent_thread)",
            "fray_threads: idx_fray_threads_status(status)",
            "fray_threads: idx_fray_threads_type(type)",
            "fray_wake_conditions: idx_fray_wake_conditions_agent(agent_id)",
            "fray_wake_conditions: idx_fray_wake_conditions_expires(expires_at)",
            "fray_wake_conditions: idx_fray_wake_conditions_type(type)");

    @TempDir
    Path dir;

    @Test
    void firstBuildHasFraysSchema() throws SQLException {
        assertSchema(buildTwice(false));
    }

    @Test
    void inPlaceRebuildKeepsFraysSchema() throws SQLException {
        assertSchema(buildTwice(true));
    }

    private Path buildTwice(boolean twice) {
        ChannelPaths paths = new ChannelPaths(dir.resolve(".fray"));
        CacheWriter.rebuild(paths, sink -> { }, SourceManifest.empty());
        if (twice) {
            assertEquals(RebuildResult.Strategy.IN_PLACE,
                    CacheWriter.rebuild(paths, sink -> { }, SourceManifest.empty()).strategy());
        }
        return paths.cacheDb();
    }

    private static void assertSchema(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertEquals(new ArrayList<>(EXPECTED_COLUMNS.keySet()), tables, "tables");
            TreeSet<String> indexes = new TreeSet<>();
            for (String table : tables) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        cols.add(rs.getString("name") + " " + rs.getString("type") + " " + rs.getInt("notnull")
                                + " " + rs.getInt("pk"));
                    }
                }
                assertEquals(EXPECTED_COLUMNS.get(table), String.join(", ", cols), table);
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("PRAGMA index_list(" + table + ")")) {
                    while (rs.next()) {
                        if (rs.getString("origin").equals("c")) {
                            names.add(rs.getString("name"));
                        }
                    }
                }
                for (String name : names) {
                    List<String> ic = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery("PRAGMA index_info(" + name + ")")) {
                        while (rs.next()) {
                            ic.add(rs.getString("name"));
                        }
                    }
                    indexes.add(table + ": " + name + "(" + String.join(",", ic) + ")");
                }
            }
            assertEquals(new TreeSet<>(EXPECTED_INDEXES), indexes, "indexes");
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT value FROM fray_config WHERE key = 'stale_hours'")) {
                rs.next();
                assertEquals("4", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT \"table\", \"from\", \"to\" FROM"
                    + " pragma_foreign_key_list('fray_threads')")) {
                rs.next();
                assertEquals("fray_threads parent_thread guid",
                        rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
    }
}
