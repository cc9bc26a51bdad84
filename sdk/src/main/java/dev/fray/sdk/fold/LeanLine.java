package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.read.AsciiNames;
import dev.fray.sdk.read.JsonLineDecoder;
import dev.fray.sdk.read.JsonBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first pass's cheap look at one JSONL line: only the top-level fields the index needs (the type, the entity key
 * fields, the merge timestamp fields and {@code seq}), read straight from the bytes without building a record.
 *
 * <p>It is exact for every line it accepts: it returns the same string / int64 values the strict decoder
 * ({@link dev.fray.sdk.read.JsonLineDecoder}) would, for a well-formed object. Whenever the line is anything but the
 * plain common case — an escape in a key, a non-canonical UTF-8 sequence, a leading zero, a
 * syntax error, trailing data — {@link #scan} returns {@code false} and the caller takes the strict path for that
 * line, which reports exactly what it always did. A line it accepts may still be invalid JSON further inside a value
 * it skipped; such lines are caught when the fold decodes them strictly in pass 2, with the same warning.
 */
final class LeanLine {

    /** A present value that is neither a string nor an int64 (null, bool, fraction, big integer, object, array). */
    static final Object OTHER = new Object();

    private static final AsciiNames NAMES;
    private static final java.util.Map<String, Integer> SLOTS = new java.util.HashMap<>();

    static {
        Set<String> names = new LinkedHashSet<>();
        names.add("type");
        names.add("seq");
        names.addAll(Set.of("id", "message_guid", "guid", "thread_id", "thread_guid", "agent_id", "home",
                "item_type", "item_guid", "role_name", "emoji", "reacted_at"));
        for (RecordType t : RecordType.values()) {
            names.addAll(t.mergeTimestampFields());
        }
        NAMES = new AsciiNames(List.copyOf(names));
        for (int i = 0; i < NAMES.size(); i++) {
            SLOTS.put(NAMES.name(i), i);
        }
    }

    private final Object[] values = new Object[NAMES.size()];
    private byte[] buf;
    private int pos;
    private int end;

    /**
     * Reads the object on {@code buf[off, off+len)}; {@code false} if the line needs the strict decoder instead.
     * On {@code true}, {@link #get} answers for the fields this class knows.
     */
    boolean scan(byte[] buf, int off, int len) {
        Arrays.fill(values, null);
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        return object();
    }

    /**
     * The value of a known top-level field as the strict decoder would give it when it is a {@code String} or a
     * {@code Long}; {@link #OTHER} for any other present non-null value; {@code null} if absent or JSON null.
     */
    Object get(String name) {
        Integer slot = SLOTS.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("not a lean field: " + name);
        }
        return values[slot];
    }

    private boolean object() {
        ws();
        if (pos >= end || buf[pos] != '{') {
            return false;
        }
        pos++;
        ws();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                if (peek() != '"') {
                    return false;
                }
                int nameStart = ++pos;
                int h = 0; // the name's hash, computed while looking for its end (see hash())
                while (pos < end && buf[pos] != '"') {
                    byte b = buf[pos];
                    if (b == '\\' || (b & 0xff) < 0x20 || b < 0) {
                        return false; // escaped or non-ASCII keys never name a field we need: take the strict path
                    }
                    h = AsciiNames.step(h, b);
                    pos++;
                }
                if (pos >= end) {
                    return false;
                }
                int slot = NAMES.indexOf(buf, nameStart, pos - nameStart, h);
                pos++;
                ws();
                if (peek() != ':') {
                    return false;
                }
                pos++;
                ws();
                if (slot >= 0) {
                    Object v = value();
                    if (v == null && !lastWasNull) {
                        return false;
                    }
                    values[slot] = lastWasNull ? null : v;
                } else if (!skipValue()) {
                    return false;
                }
                ws();
                byte c = peek();
                if (c == ',') {
                    pos++;
                    ws();
                    continue;
                }
                if (c == '}') {
                    pos++;
                    break;
                }
                return false;
            }
        }
        ws();
        return pos == end;
    }

    private boolean lastWasNull;

    /** A needed value: String, Long or OTHER; null on anything that needs the strict path (lastWasNull for null). */
    private Object value() {
        lastWasNull = false;
        byte c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (c == 'n') {
            if (literal("null")) {
                lastWasNull = true;
            }
            return null;
        }
        return skipValue() ? OTHER : null;
    }

    private String string() {
        int start = ++pos;
        boolean ascii = true;
        while (true) {
            if (pos >= end) {
                return null;
            }
            byte b = buf[pos];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                return escapedString(start);
            }
            if (b >= 0 && b < 0x20) {
                return null;
            }
            if (b < 0) {
                ascii = false;
                int n = JsonBytes.utf8SequenceLength(buf, pos, end);
                if (n < 0) {
                    return null;
                }
                pos += n;
            } else {
                pos++;
            }
        }
        String s = new String(buf, start, pos - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos++;
        return s;
    }

    /**
     * A needed string with escapes (an emoji as {@code \\uD83D\\uDD25}, a quote): found to its closing quote here,
     * decoded exactly as the strict decoder would ({@link JsonLineDecoder#stringContent}), or {@code null} for the
     * strict path when it is anything but plain.
     */
    private String escapedString(int start) {
        int close = pos;
        while (close < end && buf[close] != '"') {
            close += buf[close] == '\\' ? 2 : 1;
        }
        if (close >= end) {
            return null;
        }
        String s = JsonLineDecoder.stringContent(buf, start, close);
        if (s != null) {
            pos = close + 1;
        }
        return s;
    }

    /** An int64 as Long; OTHER for a fraction, exponent or an integer beyond int64; null if malformed. */
    private Object number() {
        int start = pos;
        boolean negative = false;
        if (buf[pos] == '-') {
            negative = true;
            pos++;
        }
        int digitsStart = pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || (digits > 1 && buf[digitsStart] == '0')) {
            return null;
        }
        if (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E')) {
            pos = start;
            return skipValue() ? OTHER : null;
        }
        if (digits > 19) {
            return OTHER;
        }
        long v = 0;
        for (int i = digitsStart; i < pos; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        if (digits == 19) {
            // may have overflowed: compare as text against the int64 bounds
            String text = new String(buf, digitsStart, digits, StandardCharsets.ISO_8859_1);
            String bound = negative ? "9223372036854775808" : "9223372036854775807";
            if (text.compareTo(bound) > 0) {
                return OTHER;
            }
            return Long.parseLong(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
        }
        return negative ? -v : v;
    }

    /** Skips one value of any kind, checking only enough structure to find its end. */
    private boolean skipValue() {
        byte c = peek();
        switch (c) {
            case '"' -> {
                pos++;
                while (true) {
                    if (pos >= end) {
                        return false;
                    }
                    byte b = buf[pos];
                    if (b == '"') {
                        pos++;
                        return true;
                    }
                    if (b == '\\') {
                        pos += 2;
                    } else {
                        pos++;
                    }
                }
            }
            case '{', '[' -> {
                int depth = 0;
                while (true) {
                    if (pos >= end) {
                        return false;
                    }
                    byte b = buf[pos];
                    if (b == '"') {
                        if (!skipValue()) {
                            return false;
                        }
                        continue;
                    }
                    if (b == '{' || b == '[') {
                        depth++;
                    } else if (b == '}' || b == ']') {
                        depth--;
                        if (depth == 0) {
                            pos++;
                            return true;
                        }
                    }
                    pos++;
                }
            }
            case 't' -> {
                return literal("true");
            }
            case 'f' -> {
                return literal("false");
            }
            case 'n' -> {
                return literal("null");
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    pos++;
                    while (pos < end) {
                        byte b = buf[pos];
                        if ((b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-') {
                            pos++;
                        } else {
                            break;
                        }
                    }
                    return true;
                }
                return false;
            }
        }
    }

    private boolean literal(String word) {
        if (!JsonBytes.matches(buf, pos, end, word)) {
            return false;
        }
        pos += word.length();
        return true;
    }

    private byte peek() {
        return pos < end ? buf[pos] : 0;
    }

    private void ws() {
        pos = JsonBytes.skipWhitespace(buf, pos, end);
    }
}
