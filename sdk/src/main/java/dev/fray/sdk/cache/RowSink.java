package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.CacheRow;

/**
 * Receives the rows a fold produces. The fold may emit rows of any table in any order, but emits each final row
 * exactly once; the sink decides how to store them (the SQLite cache writer batches them into one transaction).
 */
@FunctionalInterface
public interface RowSink {
    void accept(CacheRow row);
}
