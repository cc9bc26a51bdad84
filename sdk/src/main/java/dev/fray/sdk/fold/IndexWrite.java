package dev.fray.sdk.fold;

import dev.fray.sdk.concurrent.BackgroundTask;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;

/**
 * The persisted event index of a full rebuild ({@link PersistedIndex}), written on a thread of its own while the
 * caller finishes the cache: creating the cache's indexes and committing keep one core busy for seconds, and the
 * index write used to come before them on the same thread.
 *
 * <p>The index and the cache are tied by the build's token, not by the order they reach the disk: whichever is
 * written first, a crash (or a failure) between the two leaves tokens that do not match, and the next rebuild is a
 * full one (see {@link CatchUp#run}). {@link #await} before counting the build as done; {@link #close} always.
 */
public final class IndexWrite implements AutoCloseable {

    private final BackgroundTask writing;

    IndexWrite(DirectoryStorageBackend backend, StorageVersion version, ChannelFold.Pass1 pass1, long token) {
        writing = BackgroundTask.start("fray-index-writer", () -> PersistedIndex.writeFull(backend, version, pass1,
                token));
    }

    /** Waits until the index is written; throws what writing it threw. */
    public void await() throws IOException {
        writing.await();
    }

    /** Stops the write if it is still running (its temp file is removed) and waits for its thread to end. */
    @Override
    public void close() {
        writing.close();
    }
}
