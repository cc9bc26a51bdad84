package dev.fray.sdk.layout;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.io.Flock;
import dev.fray.sdk.io.FlockHandle;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The project config {@code .fray/fray-config.json}: an immutable view over its JSON tree.
 *
 * <p>Unknown keys are kept (and written back) in their original order, so settings of newer fray versions survive
 * a fray-jvm update. Known keys are type-checked on read, as Go's decoder does: a wrong type makes the whole file
 * unreadable ({@link ConfigFormatException}).
 *
 * <p>Writing follows fray's {@code UpdateProjectConfig} (read, merge, write the whole file; pretty JSON with two
 * spaces and a trailing newline; map-valued sections with sorted keys as Go writes maps) but is atomic and
 * durable, and serialised among fray-jvm processes of this host by a lock file in {@code local/}. fray itself
 * writes the file without a lock, so a simultaneous fray update can still be lost, as between two fray processes.
 */
public final class FrayConfig {

    public static final String VERSION = "version";
    public static final String STORAGE_VERSION = "storage_version";
    public static final String CHANNEL_ID = "channel_id";
    public static final String CHANNEL_NAME = "channel_name";
    public static final String CREATED_AT = "created_at";
    public static final String KNOWN_AGENTS = "known_agents";
    public static final String MACHINE_ALIASES = "machine_aliases";
    public static final String SYNC = "sync";

    /** fray's struct order: where a known key that is not yet in the file gets inserted. */
    private static final List<String> KEY_ORDER = List.of(VERSION, STORAGE_VERSION, CHANNEL_ID, CHANNEL_NAME,
            CREATED_AT, KNOWN_AGENTS, MACHINE_ALIASES, SYNC);

    private final ObjectNode root;

    private FrayConfig(ObjectNode root) {
        this.root = root;
    }

    /** A config with no keys at all. */
    public static FrayConfig empty() {
        return new FrayConfig(JsonNodeFactory.instance.objectNode());
    }

    /** The config of a channel; empty when the file does not exist. */
    public static FrayConfig read(ChannelPaths paths) throws IOException {
        return readIfPresent(paths).orElseGet(FrayConfig::empty);
    }

    /** The config of a channel, or empty when the file does not exist. */
    public static Optional<FrayConfig> readIfPresent(ChannelPaths paths) throws IOException {
        Path file = paths.config();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes, file));
    }

    /** Parses config bytes; {@code source} only names the file in errors. */
    public static FrayConfig parse(byte[] json, Path source) throws ConfigFormatException {
        JsonNode tree;
        try {
            tree = FrayJson.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new ConfigFormatException(source, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigFormatException(source, "cannot parse: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ConfigFormatException(source, "expected a JSON object", null);
        }
        ObjectNode root = (ObjectNode) tree;
        checkTypes(root, source);
        return new FrayConfig(root);
    }

    private static void checkTypes(ObjectNode root, Path source) throws ConfigFormatException {
        for (String key : List.of(VERSION, STORAGE_VERSION)) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull() && !(v.isIntegralNumber() && v.canConvertToLong())) {
                throw new ConfigFormatException(source, "\"" + key + "\" must be an integer, found " + v, null);
            }
        }
        for (String key : List.of(CHANNEL_ID, CHANNEL_NAME, CREATED_AT)) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull() && !v.isTextual()) {
                throw new ConfigFormatException(source, "\"" + key + "\" must be a string, found " + v, null);
            }
        }
        for (String key : List.of(KNOWN_AGENTS, SYNC, MACHINE_ALIASES)) {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull() && !v.isObject()) {
                throw new ConfigFormatException(source, "\"" + key + "\" must be an object, found " + v, null);
            }
        }
        JsonNode aliases = root.get(MACHINE_ALIASES);
        if (aliases != null && aliases.isObject()) {
            for (Map.Entry<String, JsonNode> e : aliases.properties()) {
                if (!e.getValue().isTextual() && !e.getValue().isNull()) {
                    throw new ConfigFormatException(source, "\"" + MACHINE_ALIASES + "\"." + e.getKey()
                            + " must be a string (the new machine id, or \"\" for retired), found " + e.getValue(),
                            null);
                }
            }
        }
        JsonNode agents = root.get(KNOWN_AGENTS);
        if (agents != null && agents.isObject()) {
            for (Map.Entry<String, JsonNode> e : agents.properties()) {
                if (!e.getValue().isObject() && !e.getValue().isNull()) {
                    throw new ConfigFormatException(source, "\"" + KNOWN_AGENTS + "\"." + e.getKey()
                            + " must be an object, found " + e.getValue(), null);
                }
            }
        }
    }

    /** Config format version ({@code version}, 1 in every fray release). */
    public OptionalLong version() {
        return longValue(VERSION);
    }

    /** The configured {@code storage_version}; use {@link StorageVersions#detect} for the effective layout. */
    public OptionalLong storageVersion() {
        return longValue(STORAGE_VERSION);
    }

    public Optional<String> channelId() {
        return text(CHANNEL_ID);
    }

    public Optional<String> channelName() {
        return text(CHANNEL_NAME);
    }

    public Optional<String> createdAt() {
        return text(CREATED_AT);
    }

    /** {@code old-id → new-id} after machine renames; {@code ""} means retired. Keys in file order. */
    public Map<String, String> machineAliases() {
        JsonNode node = root.get(MACHINE_ALIASES);
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Agent GUID → a copy of its record (name, global_name, home_channel, created_at, first_seen, status, nicks). */
    public Map<String, ObjectNode> knownAgents() {
        JsonNode node = root.get(KNOWN_AGENTS);
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isObject()) {
                out.put(e.getKey(), ((ObjectNode) e.getValue()).deepCopy());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** A copy of the whole tree, unknown keys included. */
    public ObjectNode toJson() {
        return root.deepCopy();
    }

    /**
     * This config with {@code patch} merged in, as fray merges updates: {@code machine_aliases} key by key;
     * {@code known_agents} agent by agent and, within an agent, field by field where the patch value is not null;
     * any other key is replaced by the patch value, or removed when the patch value is JSON null. Keys new to the
     * file go to their place in fray's key order (unknown new keys at the end).
     */
    public FrayConfig merge(ObjectNode patch) {
        ObjectNode merged = root.deepCopy();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case MACHINE_ALIASES -> mergeAliases(merged, value);
                case KNOWN_AGENTS -> mergeKnownAgents(merged, value);
                default -> {
                    if (value.isNull()) {
                        merged.remove(key);
                    } else {
                        put(merged, key, value.deepCopy());
                    }
                }
            }
        }
        return new FrayConfig(merged);
    }

    /** Sets {@code storage_version}. */
    public FrayConfig withStorageVersion(int version) {
        return merge(JsonNodeFactory.instance.objectNode().put(STORAGE_VERSION, version));
    }

    /** Adds or replaces one machine alias ({@code ""} retires {@code oldId}). */
    public FrayConfig withMachineAlias(String oldId, String newId) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject(MACHINE_ALIASES).put(oldId, newId);
        return merge(patch);
    }

    private static void mergeAliases(ObjectNode merged, JsonNode value) {
        if (value.isNull() || !value.isObject()) {
            return;
        }
        ObjectNode target = objectAt(merged, MACHINE_ALIASES);
        for (Map.Entry<String, JsonNode> alias : value.properties()) {
            if (!alias.getValue().isNull()) {
                target.set(alias.getKey(), alias.getValue().deepCopy());
            }
        }
    }

    private static void mergeKnownAgents(ObjectNode merged, JsonNode value) {
        if (value.isNull() || !value.isObject()) {
            return;
        }
        ObjectNode agents = objectAt(merged, KNOWN_AGENTS);
        for (Map.Entry<String, JsonNode> agent : value.properties()) {
            if (!agent.getValue().isObject()) {
                continue;
            }
            JsonNode existing = agents.get(agent.getKey());
            ObjectNode target = existing != null && existing.isObject()
                    ? (ObjectNode) existing : agents.putObject(agent.getKey());
            for (Map.Entry<String, JsonNode> field : agent.getValue().properties()) {
                if (!field.getValue().isNull()) {
                    target.set(field.getKey(), field.getValue().deepCopy());
                }
            }
        }
    }

    private static ObjectNode objectAt(ObjectNode merged, String key) {
        JsonNode existing = merged.get(key);
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        put(merged, key, created);
        return created;
    }

    /** Sets {@code key}, keeping its position if present, else inserting it where fray's struct order puts it. */
    private static void put(ObjectNode node, String key, JsonNode value) {
        if (node.has(key) || !KEY_ORDER.contains(key)) {
            node.set(key, value);
            return;
        }
        int rank = KEY_ORDER.indexOf(key);
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        int insertAt = 0; // after the last existing known key that precedes it in struct order
        for (int i = 0; i < keys.size(); i++) {
            int other = KEY_ORDER.indexOf(keys.get(i));
            if (other >= 0 && other < rank) {
                insertAt = i + 1;
            }
        }
        Map<String, JsonNode> reordered = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i == insertAt) {
                reordered.put(key, value);
            }
            reordered.put(keys.get(i), node.get(keys.get(i)));
        }
        reordered.putIfAbsent(key, value);
        node.removeAll();
        node.setAll(reordered);
    }

    /** The file bytes fray would write: 2-space pretty JSON, map sections sorted by key, trailing newline. */
    public byte[] encode() {
        ObjectNode out = root.deepCopy();
        for (String mapKey : List.of(MACHINE_ALIASES, KNOWN_AGENTS)) {
            JsonNode section = out.get(mapKey);
            if (section != null && section.isObject()) {
                out.set(mapKey, sortedByKey((ObjectNode) section));
            }
        }
        return GoJson.pretty(out);
    }

    private static ObjectNode sortedByKey(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(Utf8Order::compare);
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        for (String k : keys) {
            sorted.set(k, node.get(k));
        }
        return sorted;
    }

    /** Replaces the channel's config file atomically and durably with {@link #encode()}. */
    public void write(ChannelPaths paths) throws IOException {
        DurableFiles.writeAtomically(paths.config(), encode());
    }

    /**
     * Read-merge-write under fray-jvm's config lock: reads the current file (or an empty config), applies
     * {@code change}, writes the result only if it differs from what was read, and returns it.
     */
    public static FrayConfig update(ChannelPaths paths, UnaryOperator<FrayConfig> change) throws IOException {
        DurableFiles.createDirectoriesDurably(paths.localDir());
        try (FlockHandle lock = Flock.exclusiveCreating(paths.configLock())) {
            FrayConfig current = read(paths);
            FrayConfig next = change.apply(current);
            if (!next.equals(current)) {
                next.write(paths);
            }
            return next;
        }
    }

    private OptionalLong longValue(String key) {
        JsonNode v = root.get(key);
        return v != null && v.isIntegralNumber() ? OptionalLong.of(v.longValue()) : OptionalLong.empty();
    }

    private Optional<String> text(String key) {
        JsonNode v = root.get(key);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrayConfig other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
