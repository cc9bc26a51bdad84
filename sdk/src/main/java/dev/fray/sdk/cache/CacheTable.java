package dev.fray.sdk.cache;

import java.util.List;

/**
 * One table of the cache: its {@code CREATE TABLE} statement, its indexes, and how a rebuild treats it.
 *
 * @param name       the table name (fray's, or {@code fray_jvm_*} for our own metadata)
 * @param createSql  {@code CREATE TABLE IF NOT EXISTS …}
 * @param indexSql   {@code CREATE INDEX IF NOT EXISTS …} statements, run after the table is (re)filled
 * @param lifecycle  whether a rebuild replaces the table's rows or leaves them alone
 */
public record CacheTable(String name, String createSql, List<String> indexSql, Lifecycle lifecycle) {

    public CacheTable {
        indexSql = List.copyOf(indexSql);
    }

    /** How a rebuild treats a table. */
    public enum Lifecycle {
        /** Dropped and re-created by every rebuild, then filled from the logs (or left empty, as fray does). */
        DERIVED,
        /** Machine-local state that exists only in the database: never touched by a rebuild. */
        DB_ONLY,
        /** {@code fray_config}: kept across rebuilds; the rebuild upserts only the keys it derives. */
        CONFIG
    }
}
