package dev.fray.sdk.integrity;

import dev.fray.sdk.io.HeldFile;
import dev.fray.sdk.io.LogAppender;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's {@link IntegrityLedger} kept by a writer session: the same file, format, lock and claims, written
 * from time to time instead of on every append.
 *
 * <p><b>Why the file may lag.</b> Every entry is a prefix claim: lines after it are not yet covered, which is already
 * the state after fray appends (it never writes this file) or after a writer is killed between its append and its
 * ledger update, and any update catches up by hashing only the uncovered bytes. Updating on every append cost more CPU
 * than the rest of an append: locks, read, compare or parse, encode with a SHA-256 check per entry, write, and
 * SHA-256 over the new line in code the JIT has not compiled yet, since an append is a rare event to a JIT. It buys
 * coverage of the newest second of lines, which no sync tool has picked up yet. So a session only notes which logs it
 * appended to, and updates the ledger, catching up every such log from the file's claim to its end exactly as an
 * open-per-append writer catches up on fray's lines:
 * <ul>
 *   <li>after an append once {@value #WRITE_AFTER_APPENDS} appends, {@value #WRITE_AFTER_BYTES} bytes or
 *       {@value #WRITE_AFTER_MILLIS} ms have accumulated since the first append it has not covered (checked at each
 *       append, under that append's log lock), so a busy session's ledger is at most that far behind;</li>
 *   <li>at {@link #close()}.</li>
 * </ul>
 * The hashing then runs over many lines at once, which the JIT compiles, instead of one line per append. A session
 * killed before updating loses nothing but time: the file holds a valid, older claim and the next update of anyone
 * catches up. Lines are only ever added to a claim from the log itself, so claims of several writers (sessions in other
 * processes, open-per-append writers) can interleave freely: each update starts from what the file says. A log that
 * became shorter than its claim is re-derived, and the verifier reports it, as in {@link IntegrityLedger}.
 *
 * <p>Each update takes the machine directory's lock, reads the file and overwrites it in place without fsync, as
 * {@link IntegrityLedger} describes, on descriptors that stay open between updates. Failures are logged, never thrown:
 * the records are already durable.
 */
public final class LedgerSession implements LogAppender.UnderLock, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSession.class);

    /** Appends after which the ledger is updated. */
    static final int WRITE_AFTER_APPENDS = 256;
    /** Appended bytes after which the ledger is updated (bounds the hashing one update does). */
    static final long WRITE_AFTER_BYTES = 1 << 20;
    /** Milliseconds after the first uncovered append after which the ledger is updated (at the next append). */
    static final long WRITE_AFTER_MILLIS = 1000;

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private final Path ledger;
    private final Path machineDir;
    /** Logs this session appended to since the ledger last covered them. */
    private final Set<Path> uncovered = new HashSet<>();
    private HeldFile dirLock;
    private HeldFile file;
    private byte[] lastWritten;
    private Map<String, LedgerEntry> lastEntries;
    private int uncoveredAppends;
    private long uncoveredBytes;
    private long firstUncoveredNanos;
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

    /** Notes records just appended at {@code offset} of {@code log}; updates the ledger when due (see above). */
    @Override
    public synchronized void run(Path log, long offset, ByteBuffer records) throws IOException {
        if (closed) { // not expected (sessions close after their appends): update as an open-per-append writer does
            IntegrityLedger.updater(ledger).run(log, offset, records);
            return;
        }
        uncovered.add(log);
        if (uncoveredAppends++ == 0) {
            firstUncoveredNanos = System.nanoTime();
        }
        uncoveredBytes += records.remaining();
        if (uncoveredAppends >= WRITE_AFTER_APPENDS || uncoveredBytes >= WRITE_AFTER_BYTES
                || System.nanoTime() - firstUncoveredNanos >= TimeUnit.MILLISECONDS.toNanos(WRITE_AFTER_MILLIS)) {
            write(log, offset + records.remaining());
        }
    }

    /**
     * Updates the ledger: every log this session appended to is caught up from the file's claim to its end, which
     * for {@code locked} (held by the caller, may be null) is {@code lockedEnd} and for the others their size now
     * (only complete lines are ever claimed, and bytes once appended do not change).
     */
    private void write(Path locked, long lockedEnd) {
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
                for (Path log : uncovered) {
                    long end = log.equals(locked) ? lockedEnd : sizeOf(log);
                    LedgerEntry known = entries.get(log.getFileName().toString());
                    if (end >= 0 && (known == null || known.bytes() != end)) {
                        entries = IntegrityLedger.fold(entries, ledger, log, end, NOTHING);
                    }
                }
                byte[] written = IntegrityLedger.padded(IntegrityLedger.encode(entries), content.length);
                file.writeAt(written, 0);
                lastWritten = written;
                lastEntries = entries;
                IntegrityLedger.written(ledger, written, entries);
                uncovered.clear();
                uncoveredAppends = 0;
                uncoveredBytes = 0;
            } finally {
                dirLock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("integrity ledger {} not updated ({}); it will catch up later", ledger, e.toString());
        }
    }

    /** The log's size, or -1 when it is gone (then its entry is left as it is, and the verifier reports it). */
    private static long sizeOf(Path log) throws IOException {
        try {
            return Files.size(log);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** Updates the ledger if this session appended since it last did, then closes the held descriptors. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (!uncovered.isEmpty()) {
            write(null, 0);
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
