package dev.fray.sdk.cache;

import static dev.fray.sdk.cache.CacheTable.Lifecycle.CONFIG;
import static dev.fray.sdk.cache.CacheTable.Lifecycle.DB_ONLY;
import static dev.fray.sdk.cache.CacheTable.Lifecycle.DERIVED;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * fray's SQLite cache schema (reference §6, {@code internal/db/schema.go} in sja) plus fray-jvm's own metadata tables.
 * Table and column names, declared types, constraints and index names are fray's, so tools written against fray's
 * {@code fray.db} can read this cache. Column order follows the reference table.
 *
 * <p>{@code fray_threads.parent_thread REFERENCES fray_threads(guid)} (and the other foreign keys) are kept for
 * compatibility, but rebuild connections run with {@code foreign_keys = OFF}: a thread whose parent is missing from the
 * logs is still a thread, and fray-jvm must not lose it (see {@link CacheConnections#forRebuild}).
 */
public final class CacheSchema {

    /** Bump whenever any DDL below changes: a cache with another version is stale and is rebuilt. */
    public static final int SCHEMA_VERSION = 1;

    public static final String META_TABLE = "fray_jvm_meta";
    public static final String SOURCES_TABLE = "fray_jvm_sources";

    /**
     * Lets SQLite's sorter use a helper thread when it builds the derived indexes after the load (a rebuild creates
     * a dozen indexes over hundreds of thousands of rows); a per-connection setting that changes no result.
     */
    public static final String SORTER_THREADS_PRAGMA = "PRAGMA threads = 2";

    /** {@value} default, inserted with {@code INSERT OR IGNORE} like fray. */
    public static final String DEFAULT_CONFIG_SQL =
            "INSERT OR IGNORE INTO fray_config (key, value) VALUES ('stale_hours', '4')";

    private static final List<CacheTable> TABLES = List.of(
            table("fray_agents", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_agents (
                      guid TEXT PRIMARY KEY,
                      agent_id TEXT NOT NULL UNIQUE,
                      aap_guid TEXT,
                      status TEXT,
                      purpose TEXT,
                      avatar TEXT,
                      registered_at INTEGER NOT NULL,
                      last_seen INTEGER NOT NULL,
                      left_at INTEGER,
                      managed INTEGER NOT NULL DEFAULT 0,
                      invoke TEXT,
                      presence TEXT DEFAULT 'offline',
                      presence_changed_at INTEGER,
                      mention_watermark TEXT,
                      reaction_watermark INTEGER,
                      last_heartbeat INTEGER,
                      last_session_id TEXT,
                      session_mode TEXT,
                      job_id TEXT,
                      job_idx INTEGER,
                      is_ephemeral INTEGER NOT NULL DEFAULT 0,
                      last_known_input INTEGER DEFAULT 0,
                      last_known_output INTEGER DEFAULT 0,
                      tokens_updated_at INTEGER
                    )"""),
            table("fray_agent_descriptors", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_agent_descriptors (
                      agent_id TEXT PRIMARY KEY,
                      display_name TEXT,
                      capabilities TEXT,
                      updated_at INTEGER
                    )"""),
            table("fray_agent_sessions", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_agent_sessions (
                      session_id TEXT PRIMARY KEY,
                      agent_id TEXT NOT NULL,
                      triggered_by TEXT,
                      thread_guid TEXT,
                      started_at INTEGER NOT NULL,
                      ended_at INTEGER,
                      exit_code INTEGER,
                      duration_ms INTEGER,
                      FOREIGN KEY (agent_id) REFERENCES fray_agents(agent_id)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_agent_sessions_agent ON fray_agent_sessions(agent_id)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_agent_sessions_started ON fray_agent_sessions(started_at)"),
            table("fray_messages", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_messages (
                      guid TEXT PRIMARY KEY,
                      ts INTEGER NOT NULL,
                      channel_id TEXT,
                      home TEXT DEFAULT 'room',
                      from_agent TEXT NOT NULL,
                      origin TEXT,
                      session_id TEXT,
                      body TEXT NOT NULL,
                      mentions TEXT NOT NULL DEFAULT '[]',
                      fork_sessions TEXT,
                      type TEXT DEFAULT 'agent',
                      "references" TEXT,
                      surface_message TEXT,
                      reply_to TEXT,
                      quote_message_guid TEXT,
                      edited_at INTEGER,
                      archived_at INTEGER,
                      reactions TEXT NOT NULL DEFAULT '{}'
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_messages_ts ON fray_messages(ts)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_messages_from ON fray_messages(from_agent)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_messages_archived ON fray_messages(archived_at)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_messages_reply_to ON fray_messages(reply_to)"),
            table("fray_questions", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_questions (
                      guid TEXT PRIMARY KEY,
                      re TEXT NOT NULL,
                      from_agent TEXT NOT NULL,
                      to_agent TEXT,
                      status TEXT DEFAULT 'unasked',
                      thread_guid TEXT,
                      asked_in TEXT,
                      answered_in TEXT,
                      options TEXT DEFAULT '[]',
                      created_at INTEGER NOT NULL
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_questions_status ON fray_questions(status)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_questions_thread ON fray_questions(thread_guid)"),
            table("fray_threads", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_threads (
                      guid TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      parent_thread TEXT,
                      status TEXT DEFAULT 'open',
                      type TEXT DEFAULT 'standard',
                      created_at INTEGER NOT NULL,
                      anchor_message_guid TEXT,
                      anchor_hidden INTEGER NOT NULL DEFAULT 0,
                      last_activity_at INTEGER,
                      FOREIGN KEY (parent_thread) REFERENCES fray_threads(guid)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_threads_parent ON fray_threads(parent_thread)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_threads_status ON fray_threads(status)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_threads_activity ON fray_threads(last_activity_at)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_threads_type ON fray_threads(type)"),
            table("fray_thread_subscriptions", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_thread_subscriptions (
                      thread_guid TEXT NOT NULL,
                      agent_id TEXT NOT NULL,
                      subscribed_at INTEGER NOT NULL,
                      PRIMARY KEY (thread_guid, agent_id),
                      FOREIGN KEY (thread_guid) REFERENCES fray_threads(guid)
                    )"""),
            table("fray_thread_messages", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_thread_messages (
                      thread_guid TEXT NOT NULL,
                      message_guid TEXT NOT NULL,
                      added_by TEXT NOT NULL,
                      added_at INTEGER NOT NULL,
                      PRIMARY KEY (thread_guid, message_guid),
                      FOREIGN KEY (thread_guid) REFERENCES fray_threads(guid)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_thread_messages_message ON fray_thread_messages(message_guid)"),
            // fray never drops this table (a later unpin from another machine would linger); fray-jvm replaces it.
            table("fray_message_pins", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_message_pins (
                      message_guid TEXT NOT NULL,
                      thread_guid TEXT NOT NULL,
                      pinned_by TEXT NOT NULL,
                      pinned_at INTEGER NOT NULL,
                      PRIMARY KEY (message_guid, thread_guid)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_message_pins_thread ON fray_message_pins(thread_guid)"),
            table("fray_thread_pins", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_thread_pins (
                      thread_guid TEXT PRIMARY KEY,
                      pinned_by TEXT NOT NULL,
                      pinned_at INTEGER NOT NULL
                    )"""),
            table("fray_thread_mutes", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_thread_mutes (
                      thread_guid TEXT NOT NULL,
                      agent_id TEXT NOT NULL,
                      muted_at INTEGER NOT NULL,
                      expires_at INTEGER,
                      PRIMARY KEY (thread_guid, agent_id)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_thread_mutes_agent ON fray_thread_mutes(agent_id)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_thread_mutes_expires ON fray_thread_mutes(expires_at)"),
            table("fray_linked_projects", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_linked_projects (
                      alias TEXT PRIMARY KEY,
                      path TEXT NOT NULL
                    )"""),
            table("fray_config", CONFIG, """
                    CREATE TABLE IF NOT EXISTS fray_config (
                      key TEXT PRIMARY KEY,
                      value TEXT NOT NULL
                    )"""),
            table("fray_filters", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_filters (
                      agent_id TEXT PRIMARY KEY,
                      mentions_pattern TEXT
                    )"""),
            table("fray_read_receipts", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_read_receipts (
                      message_guid TEXT NOT NULL,
                      agent_prefix TEXT NOT NULL,
                      read_at INTEGER NOT NULL,
                      PRIMARY KEY (message_guid, agent_prefix)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_read_receipts_msg ON fray_read_receipts(message_guid)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_read_receipts_agent ON fray_read_receipts(agent_prefix)"),
            table("fray_read_to", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_read_to (
                      agent_id TEXT NOT NULL,
                      home TEXT NOT NULL,
                      message_guid TEXT NOT NULL,
                      message_ts INTEGER NOT NULL,
                      set_at INTEGER NOT NULL,
                      PRIMARY KEY (agent_id, home)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_read_to_home ON fray_read_to(home)"),
            table("fray_ghost_cursors", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_ghost_cursors (
                      agent_id TEXT NOT NULL,
                      home TEXT NOT NULL,
                      message_guid TEXT NOT NULL,
                      must_read INTEGER NOT NULL DEFAULT 0,
                      set_at INTEGER NOT NULL,
                      session_ack_at INTEGER,
                      PRIMARY KEY (agent_id, home)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_ghost_cursors_agent ON fray_ghost_cursors(agent_id)"),
            table("fray_staged_cursors", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_staged_cursors (
                      agent_id TEXT NOT NULL,
                      home TEXT NOT NULL,
                      message_guid TEXT NOT NULL,
                      must_read INTEGER NOT NULL DEFAULT 0,
                      set_at INTEGER NOT NULL,
                      PRIMARY KEY (agent_id, home)
                    )"""),
            table("fray_claims", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_claims (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      agent_id TEXT NOT NULL,
                      claim_type TEXT NOT NULL,
                      pattern TEXT NOT NULL,
                      reason TEXT,
                      created_at INTEGER NOT NULL,
                      expires_at INTEGER,
                      UNIQUE(claim_type, pattern)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_claims_agent ON fray_claims(agent_id)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_claims_type ON fray_claims(claim_type)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_claims_expires ON fray_claims(expires_at)"),
            table("fray_reactions", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_reactions (
                      message_guid TEXT NOT NULL,
                      agent_id TEXT NOT NULL,
                      emoji TEXT NOT NULL,
                      reacted_at INTEGER NOT NULL,
                      PRIMARY KEY (message_guid, agent_id, emoji, reacted_at)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_reactions_message ON fray_reactions(message_guid)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_reactions_agent ON fray_reactions(agent_id)"),
            table("fray_faves", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_faves (
                      agent_id TEXT NOT NULL,
                      item_type TEXT NOT NULL,
                      item_guid TEXT NOT NULL,
                      faved_at INTEGER,
                      nickname TEXT,
                      PRIMARY KEY (agent_id, item_type, item_guid)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_faves_agent ON fray_faves(agent_id)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_faves_item ON fray_faves(item_type, item_guid)"),
            table("fray_role_assignments", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_role_assignments (
                      agent_id TEXT NOT NULL,
                      role_name TEXT NOT NULL,
                      assigned_at INTEGER NOT NULL,
                      PRIMARY KEY (agent_id, role_name)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_role_assignments_role ON fray_role_assignments(role_name)"),
            table("fray_session_roles", DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_session_roles (
                      agent_id TEXT NOT NULL,
                      role_name TEXT NOT NULL,
                      session_id TEXT,
                      started_at INTEGER NOT NULL,
                      PRIMARY KEY (agent_id, role_name)
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_session_roles_role ON fray_session_roles(role_name)"),
            table("fray_wake_conditions", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_wake_conditions (
                      guid TEXT PRIMARY KEY,
                      agent_id TEXT NOT NULL,
                      set_by TEXT NOT NULL,
                      type TEXT NOT NULL,
                      pattern TEXT,
                      on_agents TEXT DEFAULT '[]',
                      in_thread TEXT,
                      after_ms INTEGER,
                      use_router INTEGER NOT NULL DEFAULT 0,
                      prompt TEXT,
                      prompt_text TEXT,
                      poll_interval_ms INTEGER,
                      last_polled_at INTEGER,
                      persist_mode TEXT DEFAULT '',
                      paused INTEGER NOT NULL DEFAULT 0,
                      created_at INTEGER NOT NULL,
                      expires_at INTEGER
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_wake_conditions_agent ON fray_wake_conditions(agent_id)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_wake_conditions_type ON fray_wake_conditions(type)",
                    "CREATE INDEX IF NOT EXISTS idx_fray_wake_conditions_expires ON fray_wake_conditions(expires_at)"),
            table("fray_jobs", DB_ONLY, """
                    CREATE TABLE IF NOT EXISTS fray_jobs (
                      guid TEXT PRIMARY KEY,
                      name TEXT NOT NULL,
                      context TEXT,
                      owner_agent TEXT,
                      status TEXT DEFAULT 'running',
                      thread_guid TEXT,
                      created_at INTEGER NOT NULL,
                      completed_at INTEGER
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_fray_jobs_status ON fray_jobs(status)"),
            // fray-jvm's own bookkeeping: which schema and which source files this cache was built from.
            table(META_TABLE, DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_jvm_meta (
                      key TEXT PRIMARY KEY,
                      value TEXT NOT NULL
                    )"""),
            table(SOURCES_TABLE, DERIVED, """
                    CREATE TABLE IF NOT EXISTS fray_jvm_sources (
                      path TEXT PRIMARY KEY,
                      size INTEGER NOT NULL,
                      mtime_ms INTEGER NOT NULL,
                      fingerprint TEXT NOT NULL
                    )"""));

    private CacheSchema() {
    }

    /** Every table of the cache, fray's first, in a fixed order. */
    public static List<CacheTable> tables() {
        return TABLES;
    }

    /** The tables a rebuild drops and re-creates (their rows are fully replaced). */
    public static List<CacheTable> derivedTables() {
        return TABLES.stream().filter(t -> t.lifecycle() == DERIVED).toList();
    }

    public static Optional<CacheTable> table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Creates every missing table and index and the default config; idempotent. */
    public static void createAll(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (CacheTable t : TABLES) {
                st.execute(t.createSql());
                for (String index : t.indexSql()) {
                    st.execute(index);
                }
            }
            st.execute(DEFAULT_CONFIG_SQL);
        }
    }

    /**
     * Drops every derived table and re-creates it without its indexes (indexes are cheaper to build after the load,
     * see {@link #createDerivedIndexes}); creates any missing non-derived table. Dropping rather than deleting also
     * migrates derived tables whose DDL changed between cache schema versions.
     */
    public static void recreateDerivedTables(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (CacheTable t : TABLES) {
                if (t.lifecycle() == DERIVED) {
                    st.execute("DROP TABLE IF EXISTS " + t.name());
                    st.execute(t.createSql());
                } else {
                    st.execute(t.createSql());
                    for (String index : t.indexSql()) {
                        st.execute(index);
                    }
                }
            }
            st.execute(DEFAULT_CONFIG_SQL);
        }
    }

    /** Creates the indexes of the derived tables (after their rows are in). */
    public static void createDerivedIndexes(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (CacheTable t : derivedTables()) {
                for (String index : t.indexSql()) {
                    st.execute(index);
                }
            }
        }
    }

    private static CacheTable table(String name, CacheTable.Lifecycle lifecycle, String createSql, String... indexes) {
        return new CacheTable(name, createSql, List.of(indexes), lifecycle);
    }
}
