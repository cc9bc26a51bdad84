package dev.fray.sdk.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@link LogAppender}'s append protocol with the logs kept open between appends: what a writer that appends many
 * times (an embedder's {@code ChannelWriter}, the watch loop, an importer) uses instead of opening, locking through a
 * second descriptor, and closing each log on every append.
 *
 * <p>Per append, on the log's {@link HeldFile}: {@code flock(LOCK_EX)} on the open descriptor (reopening first if the
 * path no longer names it: removed, renamed away, replaced), the size as the offset, the whole buffer with one
 * {@code write(2)} ({@code O_APPEND}), {@code fsync}, the {@link LogAppender.UnderLock} step, {@code LOCK_UN}. That is
 * fray's {@code atomicAppend} on a descriptor that stays open, so exclusion against fray, util-linux {@code flock} and
 * other fray-jvm writers is unchanged. A log this session creates gets its directory fsynced after its first append.
 *
 * <p>Thread-safe: appends through one session are serialised here, because threads share its descriptors and a
 * {@code flock} cannot exclude holders of the same open file description. {@link #close()} releases every descriptor.
 */
public final class AppendSession implements AutoCloseable {

    private final Map<Path, HeldFile> logs = new HashMap<>();
    /** Logs this session created whose directory entry has since been fsynced. */
    private final Set<HeldFile> directorySynced = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    /** A session with nothing open yet; logs are opened at their first append. Needs {@link HeldFile#isSupported()}. */
    public AppendSession() {
        if (!HeldFile.isSupported()) {
            throw new UnsupportedOperationException("append sessions need flock(2) and 64-bit sizes (Linux, macOS)");
        }
    }

    /** Appends the remaining bytes of {@code records} (complete records) durably; see the class comment. */
    public LogAppender.AppendResult append(Path log, ByteBuffer records) throws IOException {
        return append(log, records, null);
    }

    /**
     * As {@link #append(Path, ByteBuffer)}, then runs {@code underLock} before the log's lock is released. If it
     * throws, the records are nevertheless durably appended.
     */
    public synchronized LogAppender.AppendResult append(Path log, ByteBuffer records, LogAppender.UnderLock underLock)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("append session is closed");
        }
        int count = LogAppender.validateBatch(records, log);
        Path file = log.toAbsolutePath().normalize();
        HeldFile previous = logs.remove(file);
        HeldFile held;
        try {
            try {
                held = HeldFile.lockCurrent(previous, file, HeldFile.Mode.APPEND_CREATING);
            } catch (NoSuchFileException noDirectory) {
                DurableFiles.createDirectoriesDurably(file.getParent()); // first append, or the directory was removed
                held = HeldFile.lockCurrent(null, file, HeldFile.Mode.APPEND_CREATING);
            }
        } catch (IOException | RuntimeException e) {
            if (previous != null) {
                previous.close();
            }
            throw e;
        }
        if (previous != null && previous != held) {
            directorySynced.remove(previous);
        }
        logs.put(file, held);
        boolean created = held.created() && !directorySynced.contains(held);
        long offset;
        int length = records.remaining();
        try {
            offset = held.size(); // exact: every appender holds the lock
            ByteBuffer view = records.asReadOnlyBuffer();
            held.write(records);
            held.sync();
            if (underLock != null) {
                underLock.run(file, offset, view);
            }
        } finally {
            held.unlock();
        }
        if (created) {
            DurableFiles.fsyncDirectory(file.getParent());
            directorySynced.add(held);
        }
        return new LogAppender.AppendResult(file, offset, length, count, created);
    }

    /** Closes every held log. Appending afterwards fails. */
    @Override
    public synchronized void close() {
        closed = true;
        logs.values().forEach(HeldFile::close);
        logs.clear();
        directorySynced.clear();
    }
}
