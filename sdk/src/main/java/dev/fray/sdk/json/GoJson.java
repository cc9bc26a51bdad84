package dev.fray.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal JSON emitter that produces exactly the bytes Go's {@code encoding/json} produces for the same values:
 * no whitespace, Go's string escaping, integers as written, decimals in plain notation.
 *
 * <p>Go's string escaping (with its default HTML escaping, reference §2): {@code "} and {@code \} with a backslash;
 * {@code \b \f \n \r \t} short; other control characters as {@code \}{@code u00xx} (lowercase hex); {@code <},
 * {@code >}, {@code &} as {@code \}{@code u003c}, {@code \}{@code u003e}, {@code \}{@code u0026}; U+2028 and U+2029
 * as {@code \}{@code u2028} and {@code \}{@code u2029}; a lone surrogate (Go: invalid UTF-8) as
 * {@code \}{@code ufffd}; everything else (U+007F, all non-ASCII, emoji) raw. Jackson cannot be configured to do
 * this: its custom-escape path writes characters above U+FFFF as escaped surrogate pairs.
 *
 * <p>Not thread-safe; one instance per line.
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** Whether the next value/key inside the current container needs a leading comma. */
    private boolean needComma;

    GoJson() {
        this(new StringBuilder(256));
    }

    /** An emitter appending to {@code out} (which may already hold other text). */
    GoJson(StringBuilder out) {
        this.out = out;
    }

    /** The Go encoding of a JSON tree (objects keep their key order), without a trailing newline. */
    public static String write(JsonNode node) {
        GoJson json = new GoJson();
        json.value(node);
        return json.toString();
    }

    /**
     * The Go encoding of a plain Java value as produced by the fold's decoder: {@code null}, {@link String},
     * {@link Boolean}, integral and decimal {@link Number}s, {@link java.util.List}s and {@link Map}s with string keys
     * (kept in their iteration order; callers sort where Go would).
     */
    public static String writeValue(Object value) {
        GoJson json = new GoJson();
        json.javaValue(value);
        return json.toString();
    }

    /** The Go encoding of a JSON tree as UTF-8 bytes, without a trailing newline. */
    public static byte[] writeBytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /** One JSONL line: the Go encoding of a tree plus {@code \n} (also fray's {@code local/machine-id} layout). */
    public static byte[] line(JsonNode node) {
        return (write(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code json.MarshalIndent(v, "", "  ")} plus the trailing newline fray adds: the layout of
     * {@code fray-config.json} and fray's other pretty-printed files. Empty containers stay {@code {}} / {@code []}.
     */
    public static byte[] pretty(JsonNode node) {
        StringBuilder b = new StringBuilder(512);
        indented(b, node, 0);
        return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void indented(StringBuilder b, JsonNode node, int depth) {
        if (node.isObject() && node.size() > 0) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                b.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
                appendQuoted(b, e.getKey());
                b.append(": ");
                indented(b, e.getValue(), depth + 1);
                first = false;
            }
            b.append('\n').append("  ".repeat(depth)).append('}');
        } else if (node.isArray() && node.size() > 0) {
            b.append('[');
            boolean first = true;
            for (JsonNode item : node) {
                b.append(first ? "\n" : ",\n").append("  ".repeat(depth + 1));
                indented(b, item, depth + 1);
                first = false;
            }
            b.append('\n').append("  ".repeat(depth)).append(']');
        } else {
            b.append(write(node));
        }
    }

    /** A JSON string literal, quoted and escaped as Go does. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        appendQuoted(b, s);
        return b.toString();
    }

    void startObject() {
        comma();
        out.append('{');
        needComma = false;
    }

    void endObject() {
        out.append('}');
        needComma = true;
    }

    void startArray() {
        comma();
        out.append('[');
        needComma = false;
    }

    void endArray() {
        out.append(']');
        needComma = true;
    }

    void key(String key) {
        comma();
        appendQuoted(out, key);
        out.append(':');
        needComma = false;
    }

    void string(String s) {
        comma();
        appendQuoted(out, s);
        needComma = true;
    }

    void number(long n) {
        comma();
        out.append(n);
        needComma = true;
    }

    void bool(boolean b) {
        comma();
        out.append(b);
        needComma = true;
    }

    void nullValue() {
        comma();
        out.append("null");
        needComma = true;
    }

    /** Any JSON tree; object keys in the tree's order. */
    void value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            nullValue();
        } else if (node.isObject()) {
            startObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                key(e.getKey());
                value(e.getValue());
            }
            endObject();
        } else if (node.isArray()) {
            startArray();
            for (JsonNode item : node) {
                value(item);
            }
            endArray();
        } else if (node.isTextual()) {
            string(node.textValue());
        } else if (node.isBoolean()) {
            bool(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            comma();
            out.append(node.bigIntegerValue());
            needComma = true;
        } else if (node.isNumber()) {
            comma();
            out.append(plain(node.decimalValue()));
            needComma = true;
        } else {
            // binary/POJO nodes never come out of a parsed line
            string(node.asText());
        }
    }

    private void javaValue(Object v) {
        if (v == null) {
            nullValue();
        } else if (v instanceof String text) {
            string(text);
        } else if (v instanceof Boolean b) {
            bool(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
            comma();
            out.append(v);
            needComma = true;
        } else if (v instanceof BigDecimal d) {
            comma();
            out.append(plain(d));
            needComma = true;
        } else if (v instanceof Number n) {
            comma();
            out.append(plain(new BigDecimal(n.toString())));
            needComma = true;
        } else if (v instanceof java.util.List<?> list) {
            startArray();
            list.forEach(this::javaValue);
            endArray();
        } else if (v instanceof Map<?, ?> map) {
            startObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                key((String) e.getKey());
                javaValue(e.getValue());
            }
            endObject();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        int plain = plainPrefix(s, n);
        if (plain == n) { // the usual case (keys, ids, most bodies): one bulk copy instead of a call per character
            b.append(s).append('"');
            return;
        }
        b.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    continue;
                case '\\':
                    b.append("\\\\");
                    continue;
                case '\b':
                    b.append("\\b");
                    continue;
                case '\f':
                    b.append("\\f");
                    continue;
                case '\n':
                    b.append("\\n");
                    continue;
                case '\r':
                    b.append("\\r");
                    continue;
                case '\t':
                    b.append("\\t");
                    continue;
                default:
                    break;
            }
            if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                unicodeEscape(b, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(b, '\ufffd');
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** How many leading characters of {@code s} are written as they are (no escape, no surrogate to check). */
    private static int plainPrefix(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
                    || c >= '\u2028' && (c <= '\u2029' || Character.isSurrogate(c))) {
                return i;
            }
        }
        return n;
    }

    private static void unicodeEscape(StringBuilder b, char c) {
        b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
