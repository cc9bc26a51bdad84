package dev.fray.sdk.identity;

import dev.fray.sdk.io.Flock;
import dev.fray.sdk.io.FlockHandle;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-machine sequence counter kept in {@code local/machine-id}, compatible with fray's {@code GetNextSequence}:
 * every draw locks the file with {@code flock(LOCK_EX)} (the lock fray takes), reads it, and rewrites it with the new
 * value before the lock is released. Numbers are strictly increasing per machine across all processes of this host,
 * fray's included; gaps are possible (a number drawn for a write that then fails is lost).
 *
 * <p><b>Durability without an fsync per draw.</b> fray fsyncs the file on every draw; that fsync is as expensive as
 * the append it numbers. fray-jvm fsyncs it only at an <em>anchor</em> and treats the file in between as a hint that
 * is exact while the OS keeps running:
 * <ul>
 *   <li>An anchor writes the file with two extra keys, this boot's id ({@link BootId}) and the current sizes of every
 *       log of this machine, and fsyncs it. Anchors happen at the first draw of a boot, after fray (or anyone without
 *       those keys) rewrote the file, after a recovery, and every {@value #ANCHOR_EVERY} numbers.</li>
 *   <li>Other draws rewrite the file in place, keeping both keys, without fsync. Within one boot the page cache holds
 *       every write whether or not it reached the disk, so every process (fray's too) reads the latest value; a
 *       process crash loses nothing.</li>
 *   <li>After an OS crash the file on disk may be behind: some numbers drawn after the last anchor may already be in
 *       the logs (whose appends are fsynced). Such a file still carries the boot id of the crashed boot, which is no
 *       longer the current one, so the next draw does not trust it: it continues after the maximum of its value and
 *       every {@code seq} appended to this machine's logs since the anchor's sizes (a number drawn after the anchor
 *       can only be in bytes appended after it). That reads only the tails, typically at most {@value #ANCHOR_EVERY}
 *       records; a log shorter than its recorded size (rewritten outside fray-jvm) is read in full.</li>
 *   <li>A file without the keys was written durably (by fray, {@code fray init}, the migration, or an fsynced
 *       recovery), so its value is trusted as fray trusts it. fray drops the keys when it draws; the next fray-jvm
 *       draw then anchors again.</li>
 *   <li>Where the boot id is unknown (not Linux), every draw fsyncs, as fray does.</li>
 * </ul>
 * A file damaged so that {@code seq} cannot be read (or the id only salvaged from raw text) recovers as fray does:
 * after the highest {@code seq} in all of this machine's logs, then anchors.
 *
 * <p>The new content is written over the old one before the file is truncated to its length, so a crash never
 * leaves an empty file (fray truncates first); at worst trailing bytes remain, which the salvage path handles.
 *
 * <p>The static methods open and close the file per draw; {@link CounterSession} draws the same way on a descriptor a
 * writer keeps open.
 */
public final class SequenceCounter {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceCounter.class);

    /** Numbers handed out between two anchors at most: bounds what a recovery after an OS crash has to read. */
    static final long ANCHOR_EVERY = 1024;

    private SequenceCounter() {
    }

    /** Draws the next sequence number (the first ever is 1). */
    public static long next(ChannelPaths paths) throws IOException {
        return reserve(paths, 1);
    }

    /**
     * Reserves {@code n} consecutive numbers with one locked read-modify-write and returns the first; the caller
     * owns {@code first .. first + n - 1}.
     */
    public static long reserve(ChannelPaths paths, int n) throws IOException {
        return reserve(paths, n, Clock.systemUTC(), BootId.current());
    }

    static long reserve(ChannelPaths paths, int n, Clock clock, Optional<String> boot) throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("must reserve at least one sequence number, not " + n);
        }
        Path file = paths.machineIdFile();
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "local machine id not set (run `fray init` to join this channel as a machine)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FlockHandle lock = Flock.exclusive(file)) {
            byte[] content = readAll(channel);
            Draw draw = draw(paths, file, content, n, clock, boot);
            write(channel, content.length, draw.content(), draw.durable());
            draw.remember(file);
            return draw.first();
        }
    }

    /**
     * One draw decided: the first number handed out, the file's new content, and whether it must be fsynced (an
     * anchor, or no boot id). The caller holds the file's lock, has read {@code content}, and writes the result.
     */
    record Draw(long first, byte[] content, boolean durable, MachineIdFile.Parsed parsed) {

        /** Records the content as this process's last write, so the next draw need not parse it again. */
        void remember(Path file) {
            LAST_WRITTEN.put(file, new Written(content, parsed));
        }
    }

    /** The counter logic shared by the open-per-draw path and {@link CounterSession}: see the class comment. */
    static Draw draw(ChannelPaths paths, Path file, byte[] content, int n, Clock clock, Optional<String> boot)
            throws IOException {
        if (n < 1) {
            throw new IllegalArgumentException("must reserve at least one sequence number, not " + n);
        }
        Written previous = LAST_WRITTEN.get(file);
        boolean ours = previous != null && Arrays.equals(previous.content(), content); // nobody else drew since
        MachineIdFile.Parsed parsed = ours ? previous.parsed() : MachineIdFile.parseLenient(content, file);
        MachineIdFile.Anchor anchor = parsed.anchor();
        Map<String, Path> logs = null;
        boolean reanchor;
        long seq;
        if (parsed.seq() == null || parsed.anchorDamaged()) {
            logs = LogSeqScan.logsOf(paths, parsed.id());
            long inLogs = LogSeqScan.highestSeq(logs, null);
            seq = parsed.seq() == null ? inLogs : Math.max(parsed.seq(), inLogs);
            reanchor = true;
            LOG.warn("{}: sequence number missing or damaged; recovered {} from {}", file, seq,
                    paths.machineDir(parsed.id()));
        } else if (anchor == null) {
            seq = parsed.seq(); // written durably (fray, init, migration): fray's rule
            reanchor = true;
        } else if (boot.isPresent() && boot.get().equals(anchor.boot())) {
            seq = parsed.seq(); // same boot: the page cache holds every write
            reanchor = seq < anchor.seq() || seq + n - anchor.seq() >= ANCHOR_EVERY;
        } else {
            logs = LogSeqScan.logsOf(paths, parsed.id());
            long inLogs = LogSeqScan.highestSeq(logs, anchor.logSizes());
            if (inLogs > parsed.seq()) {
                LOG.info("{}: counter {} was behind this machine's logs ({}) after a restart; continuing after it",
                        file, parsed.seq(), inLogs);
            }
            seq = Math.max(parsed.seq(), inLogs);
            reanchor = true;
        }
        long first = Math.addExact(seq, 1);
        long last = Math.addExact(seq, n);
        long createdAt = parsed.createdAt() != 0 ? parsed.createdAt() : clock.instant().getEpochSecond();
        MachineIdentity next = new MachineIdentity(parsed.id(), last, createdAt);
        byte[] updated;
        MachineIdFile.Anchor written = null;
        if (boot.isEmpty()) {
            updated = MachineIdFile.encode(next);
        } else {
            written = reanchor ? new MachineIdFile.Anchor(boot.get(), last,
                    LogSeqScan.sizes(logs != null ? logs : LogSeqScan.logsOf(paths, parsed.id()))) : anchor;
            // Our own bytes with only seq to change (the usual draw): replace the number instead of encoding it all.
            updated = ours && !reanchor ? MachineIdFile.withSeq(content, parsed.id(), last) : null;
            if (updated == null) {
                updated = MachineIdFile.encode(next, written);
            }
        }
        return new Draw(first, updated, boot.isEmpty() || reanchor,
                new MachineIdFile.Parsed(next.id(), next.seq(), next.createdAt(), written, false));
    }

    /**
     * What this process last wrote to each counter file. A process drawing repeatedly usually finds its own bytes there
     * again and need not parse them; content written by anyone else is parsed.
     */
    private static final Map<Path, Written> LAST_WRITTEN = new ConcurrentHashMap<>();

    private record Written(byte[] content, MachineIdFile.Parsed parsed) {
    }

    private static void write(FileChannel channel, int oldLength, byte[] updated, boolean durable) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(updated);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        if (updated.length < oldLength) {
            channel.truncate(updated.length);
        }
        if (durable) {
            channel.force(true);
        }
    }

    /** The highest integer {@code seq} of any record of this machine (its shared logs and the runtime log); 0 if none. */
    public static long highestSeqInLogs(ChannelPaths paths, String machineId) throws IOException {
        return LogSeqScan.highestSeq(LogSeqScan.logsOf(paths, machineId), null);
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > 1 << 20) {
            throw new IOException("machine-id file is implausibly large (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }
}
