package dev.fray.sdk.read;

import java.util.List;
import java.util.Map;

/**
 * The Go type a known field decodes into, and whether a decoded JSON value fits it. JSON {@code null} fits every
 * kind (Go leaves the zero value). A mismatch makes fray's decoder reject the whole line.
 */
enum FieldKind {
    /** Go {@code string}. */
    STRING,
    /** Go {@code int64}: a JSON integer without fraction or exponent that fits 64 bits. */
    INT,
    /** Go {@code bool}. */
    BOOL,
    /** Go {@code []string}. */
    STRING_LIST,
    /** Go {@code map[string]string}. */
    STRING_MAP,
    /** Go {@code map[string][]string}: the legacy reaction map. */
    REACTION_MAP,
    /** Question options: {@code [{"label": string, "pros": []string, "cons": []string}]}. */
    OPTIONS,
    /** Agent invoke config (see {@link #INVOKE_FIELDS}). */
    INVOKE,
    /** Go {@code map[string]any}. */
    OBJECT;

    private static final Map<String, FieldKind> INVOKE_FIELDS = Map.of(
            "driver", STRING, "model", STRING, "trust", STRING_LIST, "config", OBJECT, "prompt_delivery", STRING,
            "spawn_timeout_ms", INT, "idle_after_ms", INT, "min_checkin_ms", INT, "max_runtime_ms", INT);

    private static final Map<String, FieldKind> OPTION_FIELDS = Map.of(
            "label", STRING, "pros", STRING_LIST, "cons", STRING_LIST);

    /** The field names of the nested structures (invoke config, question options). */
    static java.util.Set<String> nestedFieldNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(INVOKE_FIELDS.keySet());
        names.addAll(OPTION_FIELDS.keySet());
        return names;
    }

    /** Why {@code value} does not decode into this kind, or {@code null} when it does. */
    String mismatch(Object value) {
        if (value == null) {
            return null;
        }
        switch (this) {
            case STRING:
                return value instanceof String ? null : "expected a string";
            case INT:
                return value instanceof Long ? null : "expected an integer";
            case BOOL:
                return value instanceof Boolean ? null : "expected true/false";
            case STRING_LIST:
                return listOf(value, STRING);
            case STRING_MAP:
                return mapOf(value, STRING);
            case REACTION_MAP:
                return mapOf(value, STRING_LIST);
            case OPTIONS:
                return listOf(value, null);
            case INVOKE:
                return structOf(value, INVOKE_FIELDS);
            case OBJECT:
                return value instanceof Map ? null : "expected an object";
            default:
                throw new IllegalStateException();
        }
    }

    private static String listOf(Object value, FieldKind element) {
        if (!(value instanceof List<?> list)) {
            return "expected an array";
        }
        for (Object e : list) {
            String why = element == null ? structOf(e, OPTION_FIELDS) : element.mismatch(e);
            if (why != null) {
                return "array element: " + why;
            }
        }
        return null;
    }

    private static String mapOf(Object value, FieldKind element) {
        if (!(value instanceof Map<?, ?> map)) {
            return "expected an object";
        }
        for (Object e : map.values()) {
            String why = element.mismatch(e);
            if (why != null) {
                return "object value: " + why;
            }
        }
        return null;
    }

    private static String structOf(Object value, Map<String, FieldKind> fields) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return "expected an object";
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            FieldKind kind = fields.get((String) e.getKey());
            String why = kind == null ? null : kind.mismatch(e.getValue());
            if (why != null) {
                return e.getKey() + ": " + why;
            }
        }
        return null;
    }
}
