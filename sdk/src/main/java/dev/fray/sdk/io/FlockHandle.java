package dev.fray.sdk.io;

import java.nio.file.Path;

/**
 * An exclusive lock on one file, held until {@link #close()}. Not reentrant: taking the same lock again, even from
 * the same thread, blocks. Close it from any thread, exactly once (later calls do nothing).
 */
public interface FlockHandle extends AutoCloseable {

    /** The locked file. */
    Path path();

    /** {@code true} if this is a real {@code flock(2)} that other processes (fray itself) respect. */
    boolean isOsLock();

    /** Releases the lock. Never throws: a failure to release is logged, the descriptor is closed regardless. */
    @Override
    void close();
}
