package dev.fray.sdk.integrity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.io.Flock;
import dev.fray.sdk.io.FlockHandle;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.io.LogAppender;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-machine integrity records, {@code shared/machines/<id>/integrity.json}, kept by fray-jvm instead of writing
 * fray's {@code shared/checksums.json}. That file is shared by every machine, rewritten in place on every append
 * and hashes the whole log each time; this ledger lives in the machine's own directory (only its owner writes it,
 * so syncing it never conflicts; fray ignores files there that are not its logs) and is extended in constant
 * time per append.
 *
 * <p>Format (pretty JSON): {@code {"format": 1, "files": {"messages.jsonl": {"lines": n, "bytes": b,
 * "chain": "<hex>"}}}} where {@code chain} folds every line (with its {@code \n}) as
 * {@code SHA-256(previous chain || line)}, starting from 32 zero bytes. Each entry is a prefix claim.
 *
 * <p>Update protocol ({@link #append}): under the log's flock and after the records are durable, lock the
 * machine directory (serialises ledger writers of the machine's different logs), read the ledger, catch up on
 * lines appended without a ledger update (by fray, or before a crash) by hashing only those bytes, fold in the
 * new records, and replace the ledger by temp file and rename <em>without fsync</em>: the ledger can always be
 * re-derived from the log, a crash can only leave it behind (still a valid prefix claim, caught up at the next
 * append), and a second fsync per append would double append latency. Ledger failures are logged, never
 * reported as append failures: the records are already durable, and a retry would duplicate them.
 */
public final class IntegrityLedger {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityLedger.class);
    static final int FORMAT = 1;

    private IntegrityLedger() {
    }

    /**
     * Appends complete records to machine {@code machineId}'s log {@code fileName} with {@link LogAppender} and
     * brings the machine's ledger up to date while the log is still locked.
     */
    public static LogAppender.AppendResult append(ChannelPaths paths, String machineId, String fileName,
            ByteBuffer records) throws IOException {
        requirePlainName(machineId);
        requirePlainName(fileName);
        Path log = paths.machineDir(machineId).resolve(fileName);
        return LogAppender.appendBatch(log, records, updater(paths, machineId));
    }

    private static void requirePlainName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a plain machine or file name: " + name);
        }
    }

    /** The under-lock step of {@link #append}, for callers that drive {@link LogAppender} themselves. */
    public static LogAppender.UnderLock updater(ChannelPaths paths, String machineId) {
        requirePlainName(machineId);
        Path ledger = paths.integrityLedger(machineId);
        return (log, offset, records) -> {
            try {
                update(ledger, log, offset, records);
            } catch (IOException | RuntimeException e) {
                LOG.warn("integrity ledger {} not updated after appending to {} ({}); it will catch up at the next "
                        + "append", ledger, log, e.toString());
            }
        };
    }

    /** The entries of a ledger file by log file name; empty when it does not exist. */
    public static Map<String, LedgerEntry> read(Path ledger) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(ledger);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = FrayJson.mapper().readTree(bytes);
        } catch (JacksonException e) {
            throw new IOException(ledger + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject()) {
            throw new IOException(ledger + ": expected an object with a \"files\" object");
        }
        Map<String, LedgerEntry> out = new TreeMap<>(Utf8Order::compare);
        for (Map.Entry<String, JsonNode> e : files.properties()) {
            JsonNode v = e.getValue();
            JsonNode lines = v.get("lines");
            JsonNode size = v.get("bytes");
            JsonNode chain = v.get("chain");
            if (lines == null || !lines.canConvertToLong() || !lines.isIntegralNumber() || size == null
                    || !size.isIntegralNumber() || chain == null || !chain.isTextual()
                    || !chain.textValue().matches("[0-9a-f]{64}") || lines.longValue() < 0
                    || size.longValue() < lines.longValue()) {
                throw new IOException(ledger + ": malformed entry for " + e.getKey() + ": " + v);
            }
            out.put(e.getKey(), new LedgerEntry(lines.longValue(), size.longValue(), chain.textValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Replaces the ledger file (atomic rename, no fsync: see the class comment). */
    static void write(Path ledger, Map<String, LedgerEntry> entries) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ObjectNode files = root.putObject("files");
        Map<String, LedgerEntry> sorted = new TreeMap<>(Utf8Order::compare);
        sorted.putAll(entries);
        sorted.forEach((name, entry) -> files.putObject(name)
                .put("lines", entry.lines())
                .put("bytes", entry.bytes())
                .put("chain", entry.chain()));
        DurableFiles.replaceWithoutSync(ledger, GoJson.pretty(root));
    }

    /**
     * Folds {@code records}, just appended at {@code offset} of {@code log}, into the ledger. The caller holds the
     * log's lock, so the log's first {@code offset} bytes cannot change meanwhile.
     */
    static void update(Path ledger, Path log, long offset, ByteBuffer records) throws IOException {
        String fileName = log.getFileName().toString();
        try (FlockHandle dirLock = Flock.exclusive(ledger.getParent())) {
            Map<String, LedgerEntry> entries = new TreeMap<>(Utf8Order::compare);
            try {
                entries.putAll(read(ledger));
            } catch (IOException e) {
                LOG.warn("rebuilding unreadable integrity ledger {}: {}", ledger, e.getMessage());
            }
            LedgerEntry known = entries.getOrDefault(fileName, LedgerEntry.EMPTY);
            LineChain chain;
            if (known.bytes() > offset || !endsAtLineBoundary(log, known.bytes())) {
                // The log is shorter than the ledger's claim, or the claim is not at a line end: the file was
                // rewritten or truncated outside fray-jvm. Re-derive from the start; the verifier reports it.
                LOG.warn("{}: ledger entry for {} does not match the file; re-deriving it from the whole file",
                        ledger, fileName);
                chain = LineChain.empty();
                hashRange(log, 0, offset, chain);
            } else {
                chain = new LineChain(HexFormat.of().parseHex(known.chain()), known.lines(), known.bytes());
                hashRange(log, known.bytes(), offset, chain); // lines fray (or a crash) added without us
            }
            chain.update(records.duplicate());
            entries.put(fileName, new LedgerEntry(chain.lines(), chain.bytes(), chain.chainHex()));
            write(ledger, entries);
        }
    }

    /** Feeds bytes {@code [from, to)} of {@code file} into {@code chain}. */
    static void hashRange(Path file, long from, long to, LineChain chain) throws IOException {
        if (to <= from) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = from;
            while (position < to) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), to - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(file + " ended at " + position + ", expected " + to + " bytes");
                }
                position += read;
                buffer.flip();
                chain.update(buffer);
            }
        }
    }

    private static boolean endsAtLineBoundary(Path file, long bytes) throws IOException {
        if (bytes == 0) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one, bytes - 1) == 1 && one.get(0) == '\n';
        }
    }
}
