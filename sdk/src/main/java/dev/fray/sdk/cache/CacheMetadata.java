package dev.fray.sdk.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes fray-jvm's own bookkeeping tables ({@code fray_jvm_meta}, {@code fray_jvm_sources}). */
public final class CacheMetadata {

    static final String KEY_SCHEMA_VERSION = "schema_version";
    static final String KEY_BUILT_AT_MS = "built_at_ms";
    static final String KEY_INDEX_TOKEN = "index_token";

    private CacheMetadata() {
    }

    /** Writes the metadata of a build; the caller's transaction makes it atomic with the rows. */
    static void write(Connection connection, BuiltCache built) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM " + CacheSchema.META_TABLE);
            st.execute("DELETE FROM " + CacheSchema.SOURCES_TABLE);
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + CacheSchema.META_TABLE + " (key, value) VALUES (?, ?)")) {
            ps.setString(1, KEY_SCHEMA_VERSION);
            ps.setString(2, Integer.toString(built.schemaVersion()));
            ps.addBatch();
            ps.setString(1, KEY_BUILT_AT_MS);
            ps.setString(2, Long.toString(built.builtAtMs()));
            ps.addBatch();
            if (built.indexToken() != null) {
                ps.setString(1, KEY_INDEX_TOKEN);
                ps.setString(2, Long.toString(built.indexToken()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + CacheSchema.SOURCES_TABLE
                + " (path, size, mtime_ms, fingerprint) VALUES (?, ?, ?, ?)")) {
            for (SourceSnapshot f : built.manifest().files()) {
                ps.setString(1, f.path());
                ps.setLong(2, f.size());
                ps.setLong(3, f.mtimeMs());
                ps.setString(4, f.fingerprint());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Records the event index token a catch-up leaves the cache matching (after {@link #write}). */
    static void writeIndexToken(Connection connection, long token) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO " + CacheSchema.META_TABLE + " (key, value) VALUES (?, ?)")) {
            ps.setString(1, KEY_INDEX_TOKEN);
            ps.setString(2, Long.toString(token));
            ps.executeUpdate();
        }
    }

    /**
     * The build metadata of the cache file {@code db}; empty when the file does not exist or carries no (complete)
     * fray-jvm metadata (e.g. a database written by something else).
     */
    public static Optional<BuiltCache> read(Path db) {
        if (!Files.isRegularFile(db)) {
            return Optional.empty();
        }
        try (Connection c = CacheConnections.readOnly(db).getConnection()) {
            // One read transaction, so meta and sources come from the same snapshot.
            c.setAutoCommit(false);
            try {
                return read(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read cache metadata from " + db + ": " + e.getMessage(), e);
        }
    }

    static Optional<BuiltCache> read(Connection c) throws SQLException {
        if (!tableExists(c, CacheSchema.META_TABLE) || !tableExists(c, CacheSchema.SOURCES_TABLE)) {
            return Optional.empty();
        }
        Map<String, String> meta = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT key, value FROM " + CacheSchema.META_TABLE)) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        String version = meta.get(KEY_SCHEMA_VERSION);
        String builtAt = meta.get(KEY_BUILT_AT_MS);
        if (version == null || builtAt == null) {
            return Optional.empty();
        }
        List<SourceSnapshot> files = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT path, size, mtime_ms, fingerprint FROM " + CacheSchema.SOURCES_TABLE + " ORDER BY path")) {
            while (rs.next()) {
                files.add(new SourceSnapshot(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        try {
            String token = meta.get(KEY_INDEX_TOKEN);
            return Optional.of(new BuiltCache(Integer.parseInt(version), Long.parseLong(builtAt),
                    new SourceManifest(files), token == null ? null : Long.valueOf(token)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
