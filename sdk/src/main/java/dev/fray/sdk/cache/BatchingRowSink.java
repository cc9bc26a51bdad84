package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.CacheRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link RowSink} that buffers rows per table and inserts each table's buffer as one JDBC batch of a prepared
 * statement whenever it reaches {@link #BATCH_SIZE} rows. Rows may arrive in any table order. Runs inside the caller's
 * transaction; {@link #flushAll()} must be called before commit.
 *
 * <p>The batches are bound and executed by one writer thread, in exactly the order they are handed over, while the
 * producer (the fold) goes on computing the next rows: SQLite's work and the fold's overlap on a second core. At most
 * {@link #QUEUED_BATCHES} full batches wait, so memory stays bounded. The connection is used by the writer thread
 * only, between the first batch and {@link #flushAll()}; {@code accept} must be called from one thread.
 */
final class BatchingRowSink implements RowSink, AutoCloseable {

    static final int BATCH_SIZE = 1000;
    static final int QUEUED_BATCHES = 8;

    private record Batch(RowTable<?> table, List<CacheRow> rows) {
    }

    private static final Batch END = new Batch(null, List.of());

    private final Connection connection;
    // Row tables are singletons ({@link RowTables}); identity maps spare hashing the RowTable record for every row.
    private final Map<RowTable<?>, List<CacheRow>> buffers = new IdentityHashMap<>();
    private final Map<RowTable<?>, PreparedStatement> statements = new IdentityHashMap<>();
    private final Map<String, Long> accepted = new HashMap<>();
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private Thread writer;
    private volatile Throwable writerFailure;

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
            hand(new Batch(table, buffer));
            buffers.put(table, new ArrayList<>(BATCH_SIZE));
        }
    }

    /** Inserts every buffered row, tables in fray's insert order, and waits until all batches are in. */
    void flushAll() {
        for (RowTable<?> table : RowTables.inInsertOrder()) {
            List<CacheRow> buffer = buffers.get(table);
            if (buffer != null && !buffer.isEmpty()) {
                hand(new Batch(table, buffer));
                buffers.put(table, new ArrayList<>(BATCH_SIZE));
            }
        }
        stopWriter();
    }

    /**
     * Runs {@code producer} against a sink on {@code connection}, inserts everything it emitted, and returns the rows
     * accepted per table: the one way rows reach the cache (full build, in-place rebuild, catch-up).
     */
    static Map<String, Long> fill(Connection connection, Consumer<RowSink> producer) throws SQLException {
        try (BatchingRowSink sink = new BatchingRowSink(connection)) {
            producer.accept(sink);
            sink.flushAll();
            return sink.acceptedCounts();
        }
    }

    /** Rows accepted per table name (before de-duplication by the database). */
    Map<String, Long> acceptedCounts() {
        return Map.copyOf(accepted);
    }

    private void hand(Batch batch) {
        rethrowWriterFailure();
        if (writer == null) {
            writer = new Thread(this::writeLoop, "fray-cache-writer");
            writer.setDaemon(true);
            writer.start();
        }
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowWriterFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while writing the cache", e);
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch == END) {
                    return;
                }
                insert(batch.table(), batch.rows());
            }
        } catch (Throwable t) {
            writerFailure = t;
            queue.clear(); // unblock a producer waiting for room; it sees the failure next
        }
    }

    /** Lets the writer drain the queue and end; rethrows its failure, if any. */
    private void stopWriter() {
        if (writer == null) {
            return;
        }
        try {
            while (writer.isAlive() && !queue.offer(END, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrowWriterFailure();
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while writing the cache", e);
        } finally {
            writer = null;
        }
        rethrowWriterFailure();
    }

    private void rethrowWriterFailure() {
        Throwable t = writerFailure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new CacheException("cache writer failed: " + t, t);
        }
    }

    private void insert(RowTable<?> table, List<CacheRow> rows) {
        try {
            PreparedStatement ps = statements.get(table);
            if (ps == null) {
                ps = connection.prepareStatement(table.insertSql());
                statements.put(table, ps);
            }
            for (CacheRow row : rows) {
                table.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new CacheException("inserting into " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            stopWriter();
        } catch (RuntimeException | Error e) {
            // already reported by flushAll or by the producer's own failure; closing must still release statements
        }
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
