package dev.fray.sdk.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a complete cache into a private file that no other process knows about, with bulk-load PRAGMAs (no journal,
 * no sync, exclusive lock; java-ecosystem §4.2). A crash leaves only a stray temp file. The result is switched to WAL
 * and fsynced, ready to be published.
 */
final class PrivateBuild {

    private PrivateBuild() {
    }

    /** Builds into {@code file} (which must not exist); returns the rows accepted per table. */
    static Map<String, Long> build(Path file, Consumer<RowSink> producer, BuiltCache meta) throws SQLException {
        Map<String, Long> accepted;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
                st.execute("PRAGMA locking_mode = EXCLUSIVE");
                st.execute("PRAGMA temp_store = MEMORY");
                st.execute("PRAGMA cache_size = -262144");
                st.execute("PRAGMA foreign_keys = OFF");
                st.execute(CacheSchema.SORTER_THREADS_PRAGMA);
            }
            c.setAutoCommit(false);
            CacheSchema.recreateDerivedTables(c);
            accepted = BatchingRowSink.fill(c, producer);
            CacheSchema.createDerivedIndexes(c);
            CacheMetadata.write(c, meta);
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // The live file is WAL (persistent in the header), as fray expects.
                st.execute("PRAGMA locking_mode = NORMAL");
                st.execute("PRAGMA journal_mode = WAL");
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new CacheException("cannot fsync " + file + ": " + e.getMessage(), e);
        }
        return accepted;
    }
}
