package dev.fray.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * Where a channel's append-only logs live.
 *
 * <p>The engine reads every log through this interface and appends only to the logs of its own machine. The
 * default implementation is a directory tree ({@code .fray/}); other implementations may keep logs elsewhere as
 * long as they honour the contract below. Implementations must be safe for use from several threads.
 *
 * <p>Contract:
 * <ul>
 *   <li>Logs only grow. {@link #append} writes one complete record, newline included, so that no reader in any
 *       process ever sees part of it followed by another record, and it is durable when the call returns.</li>
 *   <li>A reader may see a torn final line (a crash, or a sync tool copying a file mid-write); the engine drops
 *       such a line, so backends need not hide it.</li>
 *   <li>Listings may come back in any order; the engine sorts them canonically.</li>
 * </ul>
 */
public interface StorageBackend {

    /** A short name for diagnostics, such as {@code "directory"}. */
    String name();

    /** Machine ids that have a directory in shared storage, in any order. */
    List<String> machines() throws IOException;

    /** The state of one log without reading it. */
    LogStat stat(LogAddress log) throws IOException;

    /** Opens a log for reading from its start; the caller closes it. Fails if the log does not exist. */
    SeekableByteChannel openForRead(LogAddress log) throws IOException;

    /**
     * Appends one or more complete, newline-terminated records to a log as one durable write, creating the log
     * (and its directory) if needed.
     */
    void append(LogAddress log, ByteBuffer records) throws IOException;

    /** What {@link #stat} reports about a log. */
    record LogStat(boolean exists, long size, long lastModifiedMillis) {
        public static final LogStat ABSENT = new LogStat(false, 0, 0);
    }
}
