package dev.fray.sdk.integrity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 * <p>Format (pretty JSON): {@code {"format": 2, "files": {"messages.jsonl": {"lines": n, "bytes": b,
 * "chain": "<hex>", "check": "<hex>"}}}} where {@code chain} folds every line (with its {@code \n}) as
 * {@code SHA-256(previous chain || line)}, starting from 32 zero bytes, and {@code check} is the first 8 bytes of
 * {@code SHA-256("<file>\n<lines>\n<bytes>\n<chain>")} in hex. Each entry is a prefix claim. Format 1 (written
 * before checks existed) is read the same way, without checks.
 *
 * <p>Update protocol ({@link #append}): under the log's flock and after the records are durable, lock the
 * machine directory (serialises ledger writers of the machine's different logs: one log's flock does not exclude
 * an append to another log of the same machine), read the ledger, catch up on lines appended without a ledger update
 * (by fray, or before a crash) by hashing only those bytes, fold in the new records, and overwrite the file <em>in
 * place, without fsync</em>. Not by temp file and rename: on ext4 a rename over an existing file makes the kernel
 * write the new file's data out at once (the {@code auto_da_alloc} heuristic), which made the ledger update cost
 * more than the append's own write and fsync. In place is safe enough because the ledger is derived data:
 * <ul>
 *   <li>a process crash cannot tear one small {@code pwrite}; the file never shrinks (a shorter content is padded
 *       with spaces), so there is no truncation step to be interrupted;</li>
 *   <li>readers ({@link IntegrityVerifier}) read it under the same directory lock, so they never see a write in
 *       progress;</li>
 *   <li>after an OS crash the file may be old, or (its sectors written partly) mixed: JSON that no longer parses, or an
 *       entry whose {@code check} fails, makes it unreadable; the verifier reports that and the next append
 *       re-derives it from the logs. An old but intact entry is still a valid prefix claim (the logs were fsynced
 *       first) and is caught up at the next append.</li>
 * </ul>
 * A second fsync per append would double append latency. Ledger failures are logged, never reported as append
 * failures: the records are already durable, and a retry would duplicate them. A writer session keeps the ledger
 * through {@link LedgerSession}, which extends the chains in memory and writes the file lazily.
 */
public final class IntegrityLedger {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityLedger.class);
    static final int FORMAT = 2;

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

    static void requirePlainName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a plain machine or file name: " + name);
        }
    }

    /** The under-lock step of {@link #append}, for callers that drive {@link LogAppender} themselves. */
    public static LogAppender.UnderLock updater(ChannelPaths paths, String machineId) {
        requirePlainName(machineId);
        return updater(paths.integrityLedger(machineId));
    }

    static LogAppender.UnderLock updater(Path ledger) {
        return (log, offset, records) -> {
            try {
                update(ledger, log, offset, records);
            } catch (IOException | RuntimeException e) {
                LOG.warn("integrity ledger {} not updated after appending to {} ({}); it will catch up at the next "
                        + "append", ledger, log, e.toString());
            }
        };
    }

    /**
     * The entries of a ledger file by log file name; empty when it does not exist. Does not lock: see
     * {@link #readLocked} for a ledger a writer may be updating.
     */
    public static Map<String, LedgerEntry> read(Path ledger) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(ledger);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        return parse(bytes, ledger);
    }

    /**
     * Machine {@code machineId}'s ledger, read under the lock its writers hold, so an update in progress is never
     * seen half-written (updates overwrite the file in place).
     */
    public static Map<String, LedgerEntry> readLocked(ChannelPaths paths, String machineId) throws IOException {
        requirePlainName(machineId);
        Path ledger = paths.integrityLedger(machineId);
        if (!Files.exists(ledger)) {
            return Map.of();
        }
        try (FlockHandle dirLock = Flock.exclusive(ledger.getParent())) {
            return read(ledger);
        }
    }

    static Map<String, LedgerEntry> parse(byte[] bytes, Path ledger) throws IOException {
        if (bytes.length == 0) {
            // created, never written: a writer killed between creating the file and its first write (a session
            // first hashes what it catches up on). It claims nothing, so it is a valid, empty ledger.
            return new TreeMap<>(Utf8Order::compare);
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
        JsonNode format = root.get("format");
        boolean checked = format != null && format.canConvertToInt() && format.intValue() >= 2;
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
            LedgerEntry entry = new LedgerEntry(lines.longValue(), size.longValue(), chain.textValue());
            JsonNode check = v.get("check");
            if (checked && (check == null || !check.isTextual()
                    || !check.textValue().equals(check(e.getKey(), entry)))) {
                throw new IOException(ledger + ": entry for " + e.getKey() + " fails its check (a write torn by a "
                        + "crash?): " + v);
            }
            out.put(e.getKey(), entry);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The content of a ledger file with these entries: what {@code GoJson.pretty} writes for the tree
     * {@code {"format": 2, "files": {name: {"lines", "bytes", "chain", "check"}}}} with entries in UTF-8 order of
     * file names, written directly (building the tree cost more than the rest of a ledger update).
     */
    static byte[] encode(Map<String, LedgerEntry> entries) {
        Map<String, LedgerEntry> sorted = new TreeMap<>(Utf8Order::compare);
        sorted.putAll(entries);
        StringBuilder b = new StringBuilder(64 + 200 * sorted.size());
        b.append("{\n  \"format\": ").append(FORMAT).append(",\n  \"files\": ");
        if (sorted.isEmpty()) {
            b.append("{}");
        } else {
            b.append('{');
            String separator = "\n";
            for (Map.Entry<String, LedgerEntry> e : sorted.entrySet()) {
                LedgerEntry entry = e.getValue();
                b.append(separator).append("    ").append(GoJson.quote(e.getKey())).append(": {\n")
                        .append("      \"lines\": ").append(entry.lines()).append(",\n")
                        .append("      \"bytes\": ").append(entry.bytes()).append(",\n")
                        .append("      \"chain\": ").append(GoJson.quote(entry.chain())).append(",\n")
                        .append("      \"check\": \"").append(check(e.getKey(), entry)).append("\"\n")
                        .append("    }");
                separator = ",\n";
            }
            b.append("\n  }");
        }
        return b.append("\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An entry's self-check: the first 8 bytes of SHA-256 over its file name and fields, in hex. */
    static String check(String fileName, LedgerEntry entry) {
        byte[] digest = LineChain.sha256().digest((fileName + "\n" + entry.lines() + "\n" + entry.bytes() + "\n"
                + entry.chain()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /**
     * Overwrites the ledger in place (no rename, no fsync: see the class comment); returns the bytes written. A shorter
     * content is padded with spaces before its final newline, so the file never shrinks and never needs truncating.
     */
    static byte[] writeInPlace(FileChannel channel, long oldLength, byte[] content) throws IOException {
        byte[] out = padded(content, oldLength);
        ByteBuffer buffer = ByteBuffer.wrap(out);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        return out;
    }

    /** {@code content}, padded with spaces before its final newline to at least {@code oldLength} bytes. */
    static byte[] padded(byte[] content, long oldLength) {
        if (content.length >= oldLength) {
            return content;
        }
        byte[] out = new byte[(int) oldLength];
        System.arraycopy(content, 0, out, 0, content.length - 1);
        Arrays.fill(out, content.length - 1, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Folds {@code records}, just appended at {@code offset} of {@code log}, into the ledger. The caller holds the
     * log's lock, so the log's first {@code offset} bytes cannot change meanwhile.
     */
    static void update(Path ledger, Path log, long offset, ByteBuffer records) throws IOException {
        try (FlockHandle dirLock = Flock.exclusive(ledger.getParent());
             FileChannel channel = FileChannel.open(ledger, StandardOpenOption.CREATE, StandardOpenOption.READ,
                     StandardOpenOption.WRITE)) {
            long oldLength = channel.size();
            Map<String, LedgerEntry> entries = Map.of();
            if (oldLength > 0) {
                entries = readable(readAll(channel, oldLength, ledger), ledger);
            }
            Map<String, LedgerEntry> updated = fold(entries, ledger, log, offset, records);
            byte[] written = writeInPlace(channel, oldLength, encode(updated));
            LAST_WRITTEN.put(ledger, new Written(written, updated));
        }
    }

    /**
     * The entries of ledger content read under the directory lock: the ones this process wrote last without parsing
     * them again when the bytes are that, none (with a warning) when the content is unreadable, so the update
     * re-derives it from the logs.
     */
    static Map<String, LedgerEntry> readable(byte[] content, Path ledger) {
        try {
            return parseCached(content, ledger);
        } catch (IOException e) {
            LOG.warn("rebuilding unreadable integrity ledger {}: {}", ledger, e.getMessage());
            return Map.of();
        }
    }

    /** Remembers what was just written to {@code ledger}, so the next update need not parse it again. */
    static void written(Path ledger, byte[] content, Map<String, LedgerEntry> entries) {
        LAST_WRITTEN.put(ledger, new Written(content, entries));
    }

    /**
     * {@code entries} with the entry of {@code log} extended by {@code records}, appended at {@code offset}: catches up
     * first on lines appended without a ledger update (by fray, or before a crash) by hashing only those bytes, and
     * re-derives the entry from the whole log when it no longer matches the file. Returns a new, unmodifiable map.
     */
    static Map<String, LedgerEntry> fold(Map<String, LedgerEntry> entries, Path ledger, Path log, long offset,
            ByteBuffer records) throws IOException {
        String fileName = log.getFileName().toString();
        LedgerEntry known = entries.getOrDefault(fileName, LedgerEntry.EMPTY);
        LineChain chain;
        // known.bytes() == offset is the usual case (the ledger is current), and then the claim ends where the
        // previous append, a whole number of lines, ended: no need to open the log to look.
        if (known.bytes() > offset || known.bytes() < offset && !endsAtLineBoundary(log, known.bytes())) {
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
        Map<String, LedgerEntry> updated = new TreeMap<>(Utf8Order::compare);
        updated.putAll(entries);
        updated.put(fileName, new LedgerEntry(chain.lines(), chain.bytes(), chain.chainHex()));
        return Collections.unmodifiableMap(updated);
    }

    /**
     * What this process last wrote to each ledger. A writer appending repeatedly usually finds its own bytes there
     * again and need not parse them (a third of the cost of an update); any other content is parsed.
     */
    private static final Map<Path, Written> LAST_WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    private record Written(byte[] content, Map<String, LedgerEntry> entries) {
    }

    private static Map<String, LedgerEntry> parseCached(byte[] bytes, Path ledger) throws IOException {
        Written last = LAST_WRITTEN.get(ledger);
        if (last != null && Arrays.equals(last.content(), bytes)) {
            return last.entries();
        }
        return parse(bytes, ledger);
    }

    private static byte[] readAll(FileChannel channel, long length, Path ledger) throws IOException {
        if (length > 16 << 20) {
            throw new IOException(ledger + " is implausibly large (" + length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // until full or at the end of the file
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
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
