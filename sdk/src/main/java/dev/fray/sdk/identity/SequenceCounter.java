package dev.fray.sdk.identity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.io.Flock;
import dev.fray.sdk.io.FlockHandle;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-machine sequence counter kept in {@code local/machine-id}, compatible with fray's
 * {@code GetNextSequence}: the file is locked with {@code flock(LOCK_EX)} (the same lock fray takes), read, bumped
 * and rewritten with an fsync before the lock is released. Numbers are strictly increasing per machine across all
 * processes of this host, fray's included; gaps are possible (a number drawn for a write that then fails is lost).
 *
 * <p>Recovery: if the file is damaged, the id is salvaged from the raw text, and if {@code seq} is missing or not
 * an integer it restarts after the highest {@code seq} found in this machine's logs
 * ({@code shared/machines/<id>/*.jsonl}).
 *
 * <p>The new content is written over the old one before the file is truncated to its length, so a crash never
 * leaves an empty file (fray truncates first); at worst trailing bytes remain, which the salvage path handles.
 */
public final class SequenceCounter {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceCounter.class);

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
        return reserve(paths, n, Clock.systemUTC());
    }

    static long reserve(ChannelPaths paths, int n, Clock clock) throws IOException {
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
            MachineIdFile.Parsed parsed = MachineIdFile.parseLenient(content, file);
            long seq;
            if (parsed.seq() != null) {
                seq = parsed.seq();
            } else {
                seq = highestSeqInLogs(paths, parsed.id());
                LOG.warn("{}: sequence number missing or damaged; recovered {} from {}", file, seq,
                        paths.machineDir(parsed.id()));
            }
            long first = Math.addExact(seq, 1);
            long last = Math.addExact(seq, n);
            long createdAt = parsed.createdAt() != 0 ? parsed.createdAt() : clock.instant().getEpochSecond();
            byte[] updated = MachineIdFile.encode(new MachineIdentity(parsed.id(), last, createdAt));
            ByteBuffer buffer = ByteBuffer.wrap(updated);
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.truncate(updated.length);
            channel.force(true);
            return first;
        }
    }

    /** The highest integer {@code seq} of any record in {@code shared/machines/<id>/*.jsonl}; 0 if none. */
    public static long highestSeqInLogs(ChannelPaths paths, String machineId) throws IOException {
        Path dir = paths.machineDir(machineId);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long max = 0;
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "*.jsonl")) {
            for (Path log : logs) {
                if (Files.isRegularFile(log)) {
                    max = Math.max(max, highestSeqIn(log));
                }
            }
        }
        return max;
    }

    private static long highestSeqIn(Path log) throws IOException {
        long max = 0;
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.contains("\"seq\"")) {
                    continue;
                }
                try {
                    JsonNode node = FrayJson.mapper().readTree(line);
                    JsonNode seq = node == null ? null : node.get("seq");
                    if (seq != null && seq.isIntegralNumber() && seq.canConvertToLong()) {
                        max = Math.max(max, seq.longValue());
                    }
                } catch (JacksonException e) {
                    // a damaged line carries no usable number; readers skip it as well
                }
            }
        }
        return max;
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
