package dev.fray.sdk.storage;

import dev.fray.sdk.integrity.LedgerSession;
import dev.fray.sdk.io.AppendSession;
import dev.fray.sdk.io.HeldFile;
import dev.fray.spi.LogAddress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@link DirectoryStorageBackend#append} for a writer that appends many times: the same files, the same locks and the
 * same durability, with the logs, the machine directories' locks and the integrity ledgers held open between appends
 * ({@link AppendSession}, {@link LedgerSession}) instead of opened and closed per append.
 *
 * <p>Thread-safe. {@link #close()} releases every descriptor; appending afterwards fails.
 */
public final class DirectoryAppendSession implements AutoCloseable {

    private final DirectoryStorageBackend backend;
    private final AppendSession logs = new AppendSession();
    private final Map<String, LedgerSession> ledgers = new HashMap<>();
    /** By identity: records' equals and hashCode are slow until compiled, and callers reuse their addresses. */
    private final Map<LogAddress, Path> paths = new IdentityHashMap<>();

    DirectoryAppendSession(DirectoryStorageBackend backend) {
        this.backend = backend;
    }

    /** Whether sessions work on this platform ({@link HeldFile#isSupported()}); otherwise use the backend. */
    public static boolean isSupported() {
        return HeldFile.isSupported();
    }

    /** As {@link DirectoryStorageBackend#append}: one durable write of complete records, ledger kept current. */
    public void append(LogAddress log, ByteBuffer records) throws IOException {
        Path file = pathOf(log);
        if (log.machine() != null) {
            logs.append(file, records, ledgerOf(log.machine()));
        } else {
            logs.append(file, records);
        }
    }

    /**
     * The file of {@code log}, validated by the backend once per address object: a writer passes the same few
     * addresses again and again, and resolving and normalising paths per append is measurable.
     */
    private synchronized Path pathOf(LogAddress log) {
        Path file = paths.get(log);
        if (file == null) {
            file = backend.pathOf(log).toAbsolutePath().normalize();
            paths.put(log, file);
        }
        return file;
    }

    private synchronized LedgerSession ledgerOf(String machine) {
        return ledgers.computeIfAbsent(machine, m -> LedgerSession.of(backend.paths(), m));
    }

    @Override
    public synchronized void close() {
        logs.close();
        ledgers.values().forEach(LedgerSession::close);
        ledgers.clear();
    }
}
