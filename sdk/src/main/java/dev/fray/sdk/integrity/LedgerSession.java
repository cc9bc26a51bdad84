package dev.fray.sdk.integrity;

import dev.fray.sdk.io.HeldFile;
import dev.fray.sdk.io.LogAppender;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's {@link IntegrityLedger} kept by a writer session: the same file, format, lock and claims, but the
 * session extends each log's hash chain in memory as it appends and writes the file only from time to time.
 *
 * <p><b>Why the file may lag.</b> Every entry is a prefix claim: lines after it are not yet covered, which is already
 * the state after fray appends (it never writes this file) or after a writer is killed between its append and its
 * ledger update, and the next update catches up by hashing only the uncovered bytes. Writing the file on every append
 * costs more CPU than the rest of an append (read, parse or compare, encode with a SHA-256 check per entry, write,
 * two more locks and syscalls), and buys coverage of the newest second of lines, which no sync tool has picked up
 * yet. So a session writes the ledger:
 * <ul>
 *   <li>when an append lands somewhere other than where its own chain ends (another process, or fray, appended since):
 *       then at once, under the log's lock, catching up on the foreign bytes exactly as {@link IntegrityLedger} does;</li>
 *   <li>after an append once {@value #WRITE_AFTER_APPENDS} appends or {@value #WRITE_AFTER_MILLIS} ms have passed
 *       since the first append it has not written, so a busy session's ledger is at most that far behind;</li>
 *   <li>at {@link #close()}.</li>
 * </ul>
 * A session killed before writing loses only its in-memory chain: the file still holds a valid, older claim. Writing
 * merges by claim length, per log: the file's entry is kept when it covers more than this session's chain (another
 * writer got further), replaced when it covers less. Each write takes the machine directory's lock, reads the file
 * and overwrites it in place without fsync, as {@link IntegrityLedger} describes; descriptors stay open between writes.
 *
 * <p>Failures are logged, never thrown: the records are already durable.
 */
public final class LedgerSession implements LogAppender.UnderLock, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSession.class);

    /** Appends after which an unwritten chain is written. */
    static final int WRITE_AFTER_APPENDS = 256;
    /** Milliseconds after which an unwritten chain is written (checked at the next append, and at close). */
    static final long WRITE_AFTER_MILLIS = 1000;

    private final Path ledger;
    private final Path machineDir;
    /** What this session knows of each log it appended to (by file name): a chain over its first bytes. */
    private final Map<String, LineChain> chains = new HashMap<>();
    private HeldFile dirLock;
    private HeldFile file;
    private byte[] lastWritten;
    private Map<String, LedgerEntry> lastEntries;
    private int unwritten;
    private long firstUnwrittenNanos;
    private boolean closed;

    private LedgerSession(Path ledger) {
        this.ledger = ledger.toAbsolutePath().normalize();
        this.machineDir = this.ledger.getParent();
    }

    /** The session of machine {@code machineId}'s ledger; opens nothing until it first writes. */
    public static LedgerSession of(ChannelPaths paths, String machineId) {
        IntegrityLedger.requirePlainName(machineId);
        return new LedgerSession(paths.integrityLedger(machineId));
    }

    /** Folds records just appended at {@code offset} of {@code log} (the caller holds the log's lock). */
    @Override
    public synchronized void run(Path log, long offset, ByteBuffer records) throws IOException {
        if (closed) { // not expected (sessions close after their appends): update as an open-per-append writer does
            IntegrityLedger.updater(ledger).run(log, offset, records);
            return;
        }
        String name = log.getFileName().toString();
        LineChain chain = chains.get(name);
        if (chain == null || chain.bytes() != offset || chain.pendingBytes() != 0) {
            write(log, offset, records); // first append here, or someone else appended: catch up from the file now
            return;
        }
        chain.update(records.duplicate());
        if (unwritten++ == 0) {
            firstUnwrittenNanos = System.nanoTime();
        }
        if (unwritten >= WRITE_AFTER_APPENDS
                || System.nanoTime() - firstUnwrittenNanos >= TimeUnit.MILLISECONDS.toNanos(WRITE_AFTER_MILLIS)) {
            write(null, 0, null);
        }
    }

    /**
     * Writes the ledger: the file's entries, each replaced by this session's chain where that covers more; then, when
     * {@code log} is given, {@code records} appended at {@code offset} folded in after catching up on anything between
     * the longer claim and {@code offset}.
     */
    private void write(Path log, long offset, ByteBuffer records) {
        try {
            dirLock = HeldFile.lockCurrent(dirLock, machineDir, HeldFile.Mode.LOCK_ONLY);
            try {
                file = HeldFile.current(file, ledger, HeldFile.Mode.READ_WRITE_CREATING);
                byte[] content = file.readAll(16 << 20);
                Map<String, LedgerEntry> entries;
                if (lastWritten != null && Arrays.equals(lastWritten, content)) {
                    entries = lastEntries;
                } else {
                    entries = content.length == 0 ? Map.of() : IntegrityLedger.readable(content, ledger);
                }
                Map<String, LedgerEntry> merged = merge(entries);
                if (log != null) {
                    merged = IntegrityLedger.fold(merged, ledger, log, offset, records);
                    LedgerEntry entry = merged.get(log.getFileName().toString());
                    chains.put(log.getFileName().toString(),
                            new LineChain(HexFormat.of().parseHex(entry.chain()), entry.lines(), entry.bytes()));
                }
                byte[] written = IntegrityLedger.padded(IntegrityLedger.encode(merged), content.length);
                file.writeAt(written, 0);
                lastWritten = written;
                lastEntries = merged;
                unwritten = 0;
                IntegrityLedger.written(ledger, written, merged);
            } finally {
                dirLock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                chains.remove(log.getFileName().toString()); // its next append catches up from the file again
            }
            LOG.warn("integrity ledger {} not written{} ({}); it will catch up later", ledger,
                    log == null ? "" : " after appending to " + log, e.toString());
        }
    }

    /** The file's entries with this session's chains where they cover more; chains that fell behind are dropped. */
    private Map<String, LedgerEntry> merge(Map<String, LedgerEntry> entries) {
        Map<String, LedgerEntry> merged = new TreeMap<>(Utf8Order::compare);
        merged.putAll(entries);
        chains.entrySet().removeIf(e -> {
            LedgerEntry known = merged.get(e.getKey());
            LineChain chain = e.getValue();
            if (known != null && known.bytes() > chain.bytes()) {
                return true; // another writer got further: its claim stands, ours is stale
            }
            merged.put(e.getKey(), new LedgerEntry(chain.lines(), chain.bytes(), chain.chainHex()));
            return false;
        });
        return Collections.unmodifiableMap(merged);
    }

    /** Writes what is not written yet, then closes the held descriptors. Later appends do not use the session. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (unwritten > 0) {
            write(null, 0, null);
        }
        closed = true;
        if (dirLock != null) {
            dirLock.close();
            dirLock = null;
        }
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
