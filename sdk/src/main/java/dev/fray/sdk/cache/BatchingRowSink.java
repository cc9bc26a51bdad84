package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.CacheRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowSink} that buffers rows per table and inserts each table's buffer as one JDBC batch of a prepared
 * statement whenever it reaches {@link #BATCH_SIZE} rows. Rows may arrive in any table order. Runs inside the caller's
 * transaction; {@link #flushAll()} must be called before commit. Not thread-safe (the fold is single-threaded).
 */
final class BatchingRowSink implements RowSink, AutoCloseable {

    static final int BATCH_SIZE = 1000;

    private final Connection connection;
    private final Map<RowTable<?>, List<CacheRow>> buffers = new HashMap<>();
    private final Map<RowTable<?>, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Long> accepted = new HashMap<>();

    BatchingRowSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void accept(CacheRow row) {
        RowTable<?> table = RowTables.of(row);
        List<CacheRow> buffer = buffers.computeIfAbsent(table, t -> new ArrayList<>(BATCH_SIZE));
        buffer.add(row);
        accepted.merge(table.table(), 1L, Long::sum);
        if (buffer.size() >= BATCH_SIZE) {
            flush(table, buffer);
        }
    }

    /** Inserts every buffered row, tables in fray's insert order. */
    void flushAll() {
        for (RowTable<?> table : RowTables.inInsertOrder()) {
            List<CacheRow> buffer = buffers.get(table);
            if (buffer != null && !buffer.isEmpty()) {
                flush(table, buffer);
            }
        }
    }

    /** Rows accepted per table name (before de-duplication by the database). */
    Map<String, Long> acceptedCounts() {
        return Map.copyOf(accepted);
    }

    private void flush(RowTable<?> table, List<CacheRow> buffer) {
        try {
            PreparedStatement ps = statements.get(table);
            if (ps == null) {
                ps = connection.prepareStatement(table.insertSql());
                statements.put(table, ps);
            }
            for (CacheRow row : buffer) {
                table.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
            buffer.clear();
        } catch (SQLException e) {
            throw new CacheException("inserting into " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
