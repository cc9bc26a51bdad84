package dev.fray.sdk.identity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code local/machine-id} in fray's format: one compact JSON object with the keys in the order
 * {@code id}, {@code seq}, {@code created_at}, then a newline, for example
 * {@code {"id":"laptop","seq":0,"created_at":1769000000}}. Sequence draws go through {@link SequenceCounter},
 * which rewrites the file under its lock.
 */
public final class MachineIdFile {

    /** fray's salvage scan: the first {@code "id": "..."} anywhere in the raw text. */
    private static final Pattern ID_FIELD = Pattern.compile("\"id\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MachineIdFile() {
    }

    /** This checkout's identity, or empty when {@code local/machine-id} does not exist. Strict: see {@link #parse}. */
    public static Optional<MachineIdentity> read(ChannelPaths paths) throws IOException {
        Path file = paths.machineIdFile();
        try {
            return Optional.of(parse(Files.readAllBytes(file), file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The machine id of this checkout; fails like fray ("local machine id not set") when there is none. */
    public static String requireId(ChannelPaths paths) throws IOException {
        return read(paths).map(MachineIdentity::id).orElseThrow(() -> new NoSuchFileException(
                paths.machineIdFile().toString(), null,
                "local machine id not set (run `fray init` to join this channel as a machine)"));
    }

    /**
     * Parses the file content. The id is required (salvaged from damaged JSON as fray does); a missing or
     * non-integer {@code seq} reads as 0 here ({@link SequenceCounter} recovers it from the logs instead).
     */
    public static MachineIdentity parse(byte[] content, Path source) throws IOException {
        Parsed parsed = parseLenient(content, source);
        return new MachineIdentity(parsed.id(), parsed.seq() == null ? 0 : parsed.seq(), parsed.createdAt());
    }

    /**
     * Result of the lenient parse: {@code seq} is null when it must be recovered. {@code anchor} is fray-jvm's key
     * ({@link #ANCHOR}); {@code anchorDamaged} says the key is there but unreadable.
     */
    record Parsed(String id, Long seq, long createdAt, Anchor anchor, boolean anchorDamaged) {
    }

    /**
     * fray-jvm's key, {@code "fray_jvm_anchor":{"boot":…,"seq":…,"log_sizes":{…}}}: present while the file is being
     * rewritten <em>without</em> fsync during boot {@code boot} (Linux {@code boot_id}); {@code seq} and
     * {@code log_sizes} are the counter and this machine's log sizes at the last fsynced write (the anchor). Content
     * without the key was written durably (by fray, {@code fray init} or the migration), so its {@code seq} can be
     * trusted. fray ignores the key (it reads id, seq and created_at) and drops it when it rewrites the file. See
     * {@link SequenceCounter}.
     */
    static final String ANCHOR = "fray_jvm_anchor";

    /** The content of {@link #ANCHOR}. */
    record Anchor(String boot, long seq, Map<String, Long> logSizes) {
    }

    static Parsed parseLenient(byte[] content, Path source) throws IOException {
        JsonNode tree = null;
        try {
            tree = FrayJson.mapper().readTree(content);
        } catch (JacksonException e) {
            // damaged: fall through to the salvage scan
        }
        if (tree != null && tree.isObject()) {
            JsonNode id = tree.get("id");
            if (id != null && id.isTextual() && !id.textValue().isEmpty()) {
                JsonNode seq = tree.get("seq");
                JsonNode created = tree.get("created_at");
                Long seqValue = seq != null && seq.isIntegralNumber() && seq.canConvertToLong() ? seq.longValue() : null;
                long createdValue = created != null && created.isIntegralNumber() ? created.longValue() : 0;
                JsonNode anchorNode = tree.get(ANCHOR);
                Anchor anchor = anchor(anchorNode);
                return new Parsed(MachineIds.requireSafePathSegment(id.textValue(), source.toString()), seqValue,
                        createdValue, anchor, anchorNode != null && anchor == null);
            }
        }
        String salvaged = salvageId(new String(content, StandardCharsets.UTF_8));
        if (salvaged == null || salvaged.isEmpty()) {
            throw new IOException(source + ": machine-id missing id (expected {\"id\":\"<machine>\",\"seq\":<n>,"
                    + "\"created_at\":<unix seconds>}; restore it, or remove it and run `fray init` to join again)");
        }
        return new Parsed(MachineIds.requireSafePathSegment(salvaged, source.toString()), null, 0, null, false);
    }

    private static Anchor anchor(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode boot = node.get("boot");
        JsonNode seq = node.get("seq");
        Map<String, Long> sizes = logSizes(node.get("log_sizes"));
        if (boot == null || !boot.isTextual() || seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()
                || sizes == null) {
            return null;
        }
        return new Anchor(boot.textValue(), seq.longValue(), sizes);
    }

    private static Map<String, Long> logSizes(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                return null;
            }
            sizes.put(e.getKey(), v.longValue());
        }
        return sizes;
    }

    private static String salvageId(String raw) {
        Matcher m = ID_FIELD.matcher(raw);
        if (!m.find()) {
            return null;
        }
        try {
            return FrayJson.mapper().readTree("\"" + m.group(1) + "\"").textValue();
        } catch (JacksonException e) {
            return m.group(1);
        }
    }

    /** The exact bytes fray writes: compact JSON in key order id, seq, created_at, then a newline. */
    public static byte[] encode(MachineIdentity identity) {
        return GoJson.line(fraysKeys(identity));
    }

    /** fray's three keys, then fray-jvm's {@link #ANCHOR} (see {@link SequenceCounter}). */
    static byte[] encode(MachineIdentity identity, Anchor anchor) {
        ObjectNode node = fraysKeys(identity);
        ObjectNode a = node.putObject(ANCHOR);
        a.put("boot", anchor.boot());
        a.put("seq", anchor.seq());
        ObjectNode sizes = a.putObject("log_sizes");
        anchor.logSizes().forEach(sizes::put);
        return GoJson.line(node);
    }

    /**
     * {@code encoded} (this class's encoding of an identity with id {@code id}, anchor or not) with its {@code seq}
     * replaced by {@code seq}: the bytes {@link #encode} would write for the same identity with that number. Null when
     * {@code encoded} does not start the way this class writes it.
     */
    static byte[] withSeq(byte[] encoded, String id, long seq) {
        Prefix cached = lastPrefix;
        if (cached == null || !cached.id().equals(id)) {
            cached = new Prefix(id, ("{\"id\":" + GoJson.quote(id) + ",\"seq\":").getBytes(StandardCharsets.UTF_8));
            lastPrefix = cached;
        }
        byte[] prefix = cached.bytes();
        if (encoded.length < prefix.length
                || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            return null;
        }
        int end = prefix.length;
        while (end < encoded.length && encoded[end] >= '0' && encoded[end] <= '9') {
            end++;
        }
        if (end == prefix.length || end == encoded.length || encoded[end] != ',') {
            return null;
        }
        byte[] number = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + number.length + encoded.length - end];
        System.arraycopy(encoded, 0, out, 0, prefix.length);
        System.arraycopy(number, 0, out, prefix.length, number.length);
        System.arraycopy(encoded, end, out, prefix.length + number.length, encoded.length - end);
        return out;
    }

    /** The start of the content for one id, up to the seq digits; a process draws for one machine. */
    private record Prefix(String id, byte[] bytes) {
    }

    private static volatile Prefix lastPrefix;

    private static ObjectNode fraysKeys(MachineIdentity identity) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", identity.id());
        node.put("seq", identity.seq());
        node.put("created_at", identity.createdAt());
        return node;
    }

    /**
     * Creates {@code local/machine-id} (atomically, durably) unless it already exists. Returns {@code false}
     * and changes nothing if a file is already there. Does not validate the id: see {@link MachineInit}.
     */
    public static boolean createIfAbsent(ChannelPaths paths, MachineIdentity identity) throws IOException {
        return DurableFiles.createAtomically(paths.machineIdFile(), encode(identity));
    }
}
