package dev.fray.sdk.identity;

import dev.fray.sdk.io.HeldFile;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link SequenceCounter} for a writer that draws many times: {@code local/machine-id} stays open between draws, and
 * each draw is {@code flock(LOCK_EX)} on that descriptor, read, rewrite in place, {@code LOCK_UN}, instead of opening
 * the file and a second descriptor for the lock every time. The counter logic (anchors, recovery, when to fsync) and
 * the file's format are exactly {@link SequenceCounter}'s, so the two paths and fray interleave freely on one file.
 *
 * <p>If the file is replaced (an atomic rewrite by another tool) or removed while held, the next draw notices after
 * taking the lock and reopens the path; a removed file fails the draw as {@link SequenceCounter#reserve} does.
 *
 * <p>Thread-safe; {@link #close()} releases the descriptor. Needs {@link HeldFile#isSupported()}.
 */
public final class CounterSession implements AutoCloseable {

    private final ChannelPaths paths;
    private final Path file;
    private final Clock clock;
    private final Optional<String> boot;
    private HeldFile held;
    private boolean closed;

    CounterSession(ChannelPaths paths, Clock clock, Optional<String> boot) {
        this.paths = paths;
        this.file = paths.machineIdFile();
        this.clock = clock;
        this.boot = boot;
    }

    /** A session on this checkout's counter; the file is opened at the first draw. */
    public static CounterSession open(ChannelPaths paths) {
        return new CounterSession(paths, Clock.systemUTC(), BootId.current());
    }

    /** As {@link SequenceCounter#reserve(ChannelPaths, int)}: {@code n} consecutive numbers; returns the first. */
    public synchronized long reserve(int n) throws IOException {
        if (closed) {
            throw new IllegalStateException("sequence counter session is closed");
        }
        if (n < 1) {
            throw new IllegalArgumentException("must reserve at least one sequence number, not " + n);
        }
        try {
            held = HeldFile.lockCurrent(held, file, HeldFile.Mode.READ_WRITE);
        } catch (NoSuchFileException e) {
            held = null;
            throw new NoSuchFileException(file.toString(), null,
                    "local machine id not set (run `fray init` to join this channel as a machine)");
        }
        try {
            byte[] content = held.readAll(1 << 20);
            SequenceCounter.Draw draw = SequenceCounter.draw(paths, file, content, n, clock, boot);
            byte[] updated = draw.content();
            // Over the old content first, then cut: a crash never leaves the file empty (see SequenceCounter).
            held.writeAt(updated, 0);
            if (updated.length < content.length) {
                held.truncate(updated.length);
            }
            if (draw.durable()) {
                held.sync();
            }
            draw.remember(file);
            return draw.first();
        } finally {
            held.unlock();
        }
    }

    /** Closes the held descriptor. Drawing afterwards fails. */
    @Override
    public synchronized void close() {
        closed = true;
        if (held != null) {
            held.close();
            held = null;
        }
    }
}
