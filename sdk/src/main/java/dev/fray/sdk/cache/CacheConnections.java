package dev.fray.sdk.cache;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How fray-jvm opens its cache. Per-connection PRAGMAs are set through {@link SQLiteConfig}, so every new connection
 * (Jdbi opens one per handle) gets them, not just the first (java-ecosystem §4.2).
 */
public final class CacheConnections {

    /** fray's {@code busy_timeout} (reference §3.2). */
    public static final int BUSY_TIMEOUT_MS = 5000;

    private CacheConnections() {
    }

    /** fray's connection settings: {@code foreign_keys = ON}, {@code journal_mode = WAL}, {@code busy_timeout = 5000}. */
    public static SQLiteDataSource live(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return dataSource(db, config);
    }

    /**
     * Read-only connections for the query API: they can never write, and see only committed transactions (WAL
     * snapshot isolation), so a reader never observes a half-built rebuild.
     */
    public static SQLiteDataSource readOnly(Path db) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return dataSource(db, config);
    }

    /**
     * The rebuild's connection: like {@link #live} but with {@code foreign_keys = OFF}, because the logs may reference
     * a parent thread (or thread) that is not in them and a missing parent must not abort or drop anything (fray keeps
     * the FK in its DDL; fray-jvm keeps it for compatibility but does not enforce it while rebuilding). Transactions
     * start {@code IMMEDIATE} so the write lock is taken up front instead of failing on upgrade mid-build.
     */
    public static Connection forRebuild(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(false);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65536);
        config.setGetGeneratedKeys(false);
        return dataSource(db, config).getConnection();
    }

    private static SQLiteDataSource dataSource(Path db, SQLiteConfig config) {
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + db.toAbsolutePath());
        return ds;
    }
}
