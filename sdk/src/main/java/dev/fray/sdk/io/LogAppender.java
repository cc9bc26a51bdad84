package dev.fray.sdk.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Durable appends of complete JSONL records, with the same protocol as fray's {@code atomicAppend}: open with
 * {@code O_APPEND}, take the file's exclusive {@link Flock flock} (the lock fray takes), write the whole buffer
 * with one {@code write} call, fsync, unlock.
 *
 * <p>One write per batch matters: a buffered writer splits a 64 KiB record into several writes, and concurrent
 * appenders then interleave inside lines (peers.md §4.2). The flock additionally serialises against fray and
 * against other threads and processes of fray-jvm. The loop on short writes only continues the same buffer.
 *
 * <p>A record is a non-empty byte sequence ending with {@code \n} and containing no other {@code \n}. When the
 * append creates the file (or its directories), the directory entries are fsynced too.
 */
public final class LogAppender {

    private LogAppender() {
    }

    /** What one append did. {@code offset} is where the first appended byte landed (the file size before). */
    public record AppendResult(Path log, long offset, int length, int records, boolean created) {
    }

    /**
     * Work done while the log's lock is still held and the records are already durable: used to keep derived
     * per-log state (the integrity ledger) in step with the log. {@code records} is a read-only view of exactly
     * the bytes appended at {@code offset}.
     */
    @FunctionalInterface
    public interface UnderLock {
        void run(Path log, long offset, ByteBuffer records) throws IOException;
    }

    /** Appends one record; it must end with {@code \n} and contain no other {@code \n}. */
    public static AppendResult appendRecord(Path log, byte[] record) throws IOException {
        return appendRecords(log, List.of(record));
    }

    /** Appends several records with one write and one fsync. Each is validated as in {@link #appendRecord}. */
    public static AppendResult appendRecords(Path log, List<byte[]> records) throws IOException {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records to append to " + log);
        }
        int total = 0;
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            validateRecord(record, 0, record.length, log, i);
            total = Math.addExact(total, record.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(total);
        for (byte[] record : records) {
            buffer.put(record);
        }
        buffer.flip();
        return write(log, buffer, records.size(), null);
    }

    /**
     * Appends the remaining bytes of {@code records} (one or more complete records) with one write and one fsync.
     */
    public static AppendResult appendBatch(Path log, ByteBuffer records) throws IOException {
        return appendBatch(log, records, null);
    }

    /**
     * As {@link #appendBatch(Path, ByteBuffer)}, then runs {@code underLock} before releasing the lock. If
     * {@code underLock} throws, the records are nevertheless durably appended.
     */
    public static AppendResult appendBatch(Path log, ByteBuffer records, UnderLock underLock) throws IOException {
        int count = validateBatch(records, log);
        return write(log, records.slice(), count, underLock);
    }

    private static AppendResult write(Path log, ByteBuffer buffer, int count, UnderLock underLock)
            throws IOException {
        Path file = log.toAbsolutePath().normalize();
        DurableFiles.createDirectoriesDurably(file.getParent());
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        int length = buffer.remaining();
        long offset;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FlockHandle lock = Flock.exclusive(file)) {
            offset = channel.size(); // exact: every appender holds the lock
            ByteBuffer view = buffer.asReadOnlyBuffer();
            while (buffer.hasRemaining()) {
                channel.write(buffer); // one write(2) for the whole buffer unless the kernel writes short
            }
            channel.force(true);
            if (underLock != null) {
                underLock.run(file, offset, view);
            }
        }
        if (!existed) {
            DurableFiles.fsyncDirectory(file.getParent());
        }
        return new AppendResult(file, offset, length, count, !existed);
    }

    /** Checks that {@code buffer}'s remaining bytes are complete records; returns how many. Does not move it. */
    static int validateBatch(ByteBuffer buffer, Path log) {
        int start = buffer.position();
        int end = buffer.limit();
        if (start == end) {
            throw new IllegalArgumentException("no records to append to " + log);
        }
        int count = 0;
        int recordStart = start;
        byte[] array = buffer.hasArray() ? buffer.array() : null; // direct access: a call per byte is slow until JIT'd
        int base = array != null ? buffer.arrayOffset() : 0;
        for (int i = start; i < end; i++) {
            if ((array != null ? array[base + i] : buffer.get(i)) == '\n') {
                if (i == recordStart) {
                    throw new IllegalArgumentException("empty record (blank line) in batch for " + log
                            + " at record " + count);
                }
                count++;
                recordStart = i + 1;
            }
        }
        if (recordStart != end) {
            throw new IllegalArgumentException("last record for " + log + " does not end with \\n (record "
                    + count + ")");
        }
        return count;
    }

    private static void validateRecord(byte[] record, int from, int to, Path log, int index) {
        if (to == from || record[to - 1] != '\n') {
            throw new IllegalArgumentException("record " + index + " for " + log + " does not end with \\n");
        }
        if (to - from == 1) {
            throw new IllegalArgumentException("record " + index + " for " + log + " is empty");
        }
        for (int i = from; i < to - 1; i++) {
            if (record[i] == '\n') {
                throw new IllegalArgumentException("record " + index + " for " + log
                        + " contains a newline inside it (at byte " + (i - from) + "): one record is one line");
            }
        }
    }
}
