package dev.fray.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.model.QuestionOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object with Go {@code encoding/json} semantics, remembering which keys it used so the
 * rest can be kept as {@code extra}.
 *
 * <p>Go rules reproduced: a key matches its field exactly or, failing that, case-insensitively (the last matching key
 * in the object wins); JSON {@code null} decodes as "absent" ({@code null} here) for every field type; a value of the
 * wrong JSON type fails the whole record; integers must be integer literals that fit in an {@code int64}.
 */
final class Fields {

    private final ObjectNode object;
    private final Set<String> consumed = new HashSet<>();

    Fields(ObjectNode object) {
        this.object = object;
        consumed.add("type");
    }

    /** The raw value for the field, or {@code null} when absent; marks the matching keys as used. */
    JsonNode node(String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            consumed.add(name);
            return exact;
        }
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!consumed.contains(e.getKey()) && e.getKey().equalsIgnoreCase(name)) {
                consumed.add(e.getKey());
                found = e.getValue();
            }
        }
        return found;
    }

    /** True when the key is present with an explicit JSON {@code null} (does not consume it). */
    boolean isExplicitNull(String name) {
        JsonNode n = object.get(name);
        return n != null && n.isNull();
    }

    String str(String name) {
        return asString(name, node(name));
    }

    Long int64(String name) {
        return asInt64(name, node(name));
    }

    Boolean bool(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(name, "boolean", n);
        }
        return n.booleanValue();
    }

    List<String> strList(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        return asStringList(name, n);
    }

    Map<String, String> strMap(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(name, "object", n);
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), nullToEmpty(asString(name + "." + e.getKey(), e.getValue()))));
        return out;
    }

    Map<String, List<String>> strListMap(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(name, "object", n);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNull() ? null : asStringList(name + "." + e.getKey(), v));
        });
        return out;
    }

    /** Any JSON object (kept verbatim), e.g. an agent's {@code invoke} configuration. */
    ObjectNode object(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(name, "object", n);
        }
        return (ObjectNode) n.deepCopy();
    }

    List<QuestionOption> questionOptions(String name) {
        JsonNode n = node(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(name, "array", n);
        }
        List<QuestionOption> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (item.isNull()) {
                out.add(new QuestionOption(null, null, null, Map.of()));
                continue;
            }
            if (!item.isObject()) {
                throw wrongType(name + "[]", "object", item);
            }
            Fields f = new Fields((ObjectNode) item);
            f.consumed.remove("type");
            String label = f.str("label");
            List<String> pros = f.strList("pros");
            List<String> cons = f.strList("cons");
            out.add(new QuestionOption(label, pros, cons, f.rest()));
        }
        return out;
    }

    /**
     * A fray-jvm extension field on a type whose fray struct ignores it: taken when it has the expected JSON type,
     * otherwise left in {@code extra} untouched (fray would not reject the line for it, so neither do we).
     */
    String lenientStr(String name) {
        JsonNode n = object.get(name);
        if (n == null || !n.isTextual()) {
            return null;
        }
        consumed.add(name);
        return n.textValue();
    }

    /** See {@link #lenientStr(String)}. */
    Long lenientInt64(String name) {
        JsonNode n = object.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            return null;
        }
        consumed.add(name);
        return n.longValue();
    }

    /** The keys not used by any field, in their original order. */
    Map<String, JsonNode> rest() {
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (!consumed.contains(e.getKey())) {
                rest.put(e.getKey(), e.getValue().deepCopy());
            }
        });
        return rest.isEmpty() ? Map.of() : rest;
    }

    private static String asString(String name, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(name, "string", n);
        }
        return n.textValue();
    }

    private static Long asInt64(String name, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber()) {
            throw wrongType(name, "integer", n);
        }
        if (!n.canConvertToLong()) {
            throw new RecordDecodeException("field \"" + name + "\": integer " + n + " does not fit in int64");
        }
        return n.longValue();
    }

    private static List<String> asStringList(String name, JsonNode n) {
        if (!n.isArray()) {
            throw wrongType(name, "array of strings", n);
        }
        List<String> out = new ArrayList<>(n.size());
        for (JsonNode item : n) {
            // Go leaves a slice element at its zero value for a JSON null
            out.add(nullToEmpty(asString(name + "[]", item)));
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static RecordDecodeException wrongType(String name, String expected, JsonNode actual) {
        String shown = actual.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new RecordDecodeException(
                "field \"" + name + "\": expected " + expected + ", got " + actual.getNodeType().name().toLowerCase()
                        + " " + shown);
    }
}
