package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.CacheRow;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rebuilds the SQLite cache from rows pushed by a producer (the fold).
 *
 * <p>Strategy (measured against the alternatives, see the report of the {@code cache} branch): <b>R3, in place</b>.
 * The derived tables are dropped, re-created, filled and indexed in ONE write transaction on the live WAL database, so
 * a reader sees either the old cache or the new one, never a mix, and never loses the rebuild to a stale WAL (the R1
 * hazard of renaming a file over a database another process has open). DB-only tables ({@code fray_read_to},
 * {@code fray_filters}, {@code fray_claims}, …, and other {@code fray_config} keys) are simply not touched.
 *
 * <p>Only when no cache exists at all (no {@code fray.db}, {@code -wal} or {@code -shm}) is the cache built in a
 * private temp file with bulk PRAGMAs and then published with {@code link(2)}, which fails rather than replace if a
 * database appeared meanwhile; in that case the private build is copied in with R3 instead.
 *
 * <p>The write lock is held while the producer runs: other writers wait up to {@code busy_timeout} (5 s), readers are
 * never blocked. Foreign keys are not enforced while rebuilding ({@link CacheConnections#forRebuild}).
 */
public final class CacheWriter {

    private CacheWriter() {
    }

    /**
     * Replaces the cache of {@code paths} with the rows {@code producer} pushes into the given sink, and records
     * {@code manifest} as the sources it was built from. If anything fails (including the producer throwing), the
     * transaction is rolled back and the previous cache stays as it was.
     */
    public static RebuildResult rebuild(ChannelPaths paths, Consumer<RowSink> producer, SourceManifest manifest) {
        return rebuild(paths, producer, manifest, (Long) null);
    }

    private static RebuildResult rebuild(ChannelPaths paths, Consumer<RowSink> producer, SourceManifest manifest,
            Long token) {
        Path db = paths.cacheDb();
        long builtAt = System.currentTimeMillis();
        BuiltCache meta = new BuiltCache(CacheSchema.SCHEMA_VERSION, builtAt, manifest, token);
        try {
            Files.createDirectories(db.getParent());
            if (noDatabaseFiles(db)) {
                return buildAndPublish(db, producer, meta);
            }
            return new RebuildResult(RebuildResult.Strategy.IN_PLACE, rebuildInPlace(db, producer, meta), builtAt);
        } catch (SQLException e) {
            throw new CacheException("rebuilding cache " + db + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CacheException("rebuilding cache " + db + " failed: " + e, e);
        }
    }

    /**
     * Catch-up: in ONE write transaction on the live database, deletes {@code deletes} (each by its table's primary
     * key), inserts {@code inserts} (tables in fray's insert order), and records {@code manifest} and the event index
     * {@code token}. Readers see the old cache or the patched one, never a mix.
     */
    public static RebuildResult patch(ChannelPaths paths, List<CacheRow> deletes, List<CacheRow> inserts,
            SourceManifest manifest, long token) {
        Path db = paths.cacheDb();
        long builtAt = System.currentTimeMillis();
        BuiltCache meta = new BuiltCache(CacheSchema.SCHEMA_VERSION, builtAt, manifest);
        Map<String, Long> accepted;
        try (Connection c = CacheConnections.forRebuild(db)) {
            accepted = inTransaction(c, () -> {
                deleteRows(c, deletes);
                Map<String, Long> counts = BatchingRowSink.fill(c, sink -> inserts.forEach(sink::accept));
                CacheMetadata.write(c, meta);
                CacheMetadata.writeIndexToken(c, token);
                return counts;
            });
        } catch (SQLException e) {
            throw new CacheException("catching up cache " + db + " failed: " + e.getMessage(), e);
        }
        return new RebuildResult(RebuildResult.Strategy.IN_PLACE, accepted, builtAt);
    }

    /** As {@link #rebuild}, also recording the event index {@code token} written with this build. */
    public static RebuildResult rebuild(ChannelPaths paths, Consumer<RowSink> producer, SourceManifest manifest,
            long token) {
        return rebuild(paths, producer, manifest, Long.valueOf(token));
    }

    /** R3: everything in one IMMEDIATE transaction on the live database. */
    static Map<String, Long> rebuildInPlace(Path db, Consumer<RowSink> producer, BuiltCache meta)
            throws SQLException {
        Map<String, Long> accepted;
        try (Connection c = CacheConnections.forRebuild(db)) {
            try (Statement st = c.createStatement()) {
                st.execute(CacheSchema.SORTER_THREADS_PRAGMA);
            }
            accepted = inTransaction(c, () -> {
                CacheSchema.recreateDerivedTables(c);
                Map<String, Long> counts = BatchingRowSink.fill(c, producer);
                CacheSchema.createDerivedIndexes(c);
                CacheMetadata.write(c, meta);
                return counts;
            });
            truncateWal(c);
        }
        return accepted;
    }

    /**
     * Copies a privately built cache into the live database in one transaction (R3 with the rows staged elsewhere):
     * derived tables are replaced, the built {@code fray_config} keys are upserted, DB-only tables are untouched.
     */
    static void copyIn(Path db, Path built) throws SQLException {
        try (Connection c = CacheConnections.forRebuild(db)) {
            try (Statement st = c.createStatement()) {
                st.execute("ATTACH DATABASE '" + built.toAbsolutePath().toString().replace("'", "''") + "' AS build");
            }
            try {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    CacheSchema.recreateDerivedTables(c);
                    for (CacheTable t : CacheSchema.derivedTables()) {
                        st.execute("INSERT INTO main." + t.name() + " SELECT * FROM build." + t.name());
                    }
                    // stale_hours is a default, not a derived key: the live value (possibly customised) wins.
                    st.execute("INSERT OR REPLACE INTO main.fray_config SELECT key, value FROM build.fray_config"
                            + " WHERE key <> 'stale_hours'");
                    CacheSchema.createDerivedIndexes(c);
                    c.commit();
                } catch (SQLException | RuntimeException | Error e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DETACH DATABASE build");
                }
            }
            truncateWal(c);
        }
    }

    private static RebuildResult buildAndPublish(Path db, Consumer<RowSink> producer, BuiltCache meta)
            throws SQLException, IOException {
        Path tmp = db.resolveSibling(db.getFileName() + ".build-" + UUID.randomUUID());
        try {
            Map<String, Long> accepted = PrivateBuild.build(tmp, producer, meta);
            // Re-check right before publishing: a -wal/-shm without a db would pair with our file (R1 hazard).
            if (noDatabaseFiles(db)) {
                try {
                    Files.createLink(db, tmp);
                    fsyncDirectory(db.getParent());
                    return new RebuildResult(RebuildResult.Strategy.PUBLISHED_NEW_FILE, accepted, meta.builtAtMs());
                } catch (FileAlreadyExistsException raced) {
                    // another process created the database meanwhile: fall through to the in-place copy
                }
            }
            copyIn(db, tmp);
            return new RebuildResult(RebuildResult.Strategy.IN_PLACE, accepted, meta.builtAtMs());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean noDatabaseFiles(Path db) {
        return Files.notExists(db) && Files.notExists(sibling(db, "-wal")) && Files.notExists(sibling(db, "-shm"));
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    /**
     * Best effort: a rebuild writes the whole cache into the WAL; shrink it back instead of leaving a file as large
     * as the database. Readers on an old snapshot make this a no-op, so do not wait long for them.
     */
    private static void truncateWal(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 100");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // not needed for correctness; the next checkpoint will catch up
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the link is still in place, only its durability is weaker
        }
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back (and rethrown) if anything throws. */
    private static <T> T inTransaction(Connection c, TransactionWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Deletes each row by its table's primary key, one prepared statement per table. */
    private static void deleteRows(Connection c, List<CacheRow> rows) throws SQLException {
        Map<String, PreparedStatement> statements = new HashMap<>();
        try {
            for (CacheRow row : rows) {
                String sql = RowDeletes.sql(row);
                PreparedStatement ps = statements.get(sql);
                if (ps == null) {
                    ps = c.prepareStatement(sql);
                    statements.put(sql, ps);
                }
                RowDeletes.bind(ps, row);
                ps.executeUpdate();
            }
        } finally {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }
    }
}
