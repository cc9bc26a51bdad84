package dev.fray.sdk.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the plain common case of a JSONL line straight from its bytes, giving exactly what Jackson gives through
 * {@link JsonLineDecoder} (same values, same Java types, same key order, last of repeated keys), at a fraction of
 * the cost of creating a Jackson parser per line. It accepts only what it can decode exactly:
 * <ul>
 *   <li>one object, with only space, tab, CR and LF around tokens and nothing after it;</li>
 *   <li>strings of well-formed, shortest-form UTF-8 without surrogates, with the JSON escapes
 *       ({@code \" \\ \/ \b \f \n \r \t \\uXXXX}, lone surrogate escapes decoded to lone chars as Jackson does);</li>
 *   <li>integers of at most 18 digits without leading zeros ({@code Long}); {@code true}, {@code false},
 *       {@code null}; arrays and objects nested at most {@value #MAX_DEPTH} deep; names up to
 *       {@value #MAX_NAME_BYTES} bytes (far inside Jackson's read limits).</li>
 * </ul>
 * Anything else — fractions, exponents, larger integers, control characters, invalid UTF-8, a byte-order mark, a
 * syntax error — returns {@code null}, and the caller decodes the line with Jackson, which also words the error of a
 * bad line. Stateless and thread-safe.
 */
final class PlainJsonDecoder {

    static final int MAX_DEPTH = 64;
    static final int MAX_NAME_BYTES = 1000;
    private static final int MAX_DIGITS = 18;

    /** The field names of fray's records (from the literals of {@link RecordSchema}). */
    private static final AsciiNames KNOWN_NAMES = new AsciiNames(RecordSchema.fieldNames());

    /** Returned by the value readers when the line is not plain. */
    private static final Object NOT_PLAIN = new Object();

    private final byte[] buf;
    private final int end;
    private int pos;

    private PlainJsonDecoder(byte[] buf, int off, int len) {
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
    }

    /** The object on {@code buf[off, off+len)}, or {@code null} when the line is not plain JSON as above. */
    static Map<String, Object> decode(byte[] buf, int off, int len) {
        return new PlainJsonDecoder(buf, off, len).document();
    }

    /**
     * The text of the JSON string whose content lies between quotes at {@code from - 1} and {@code to}
     * ({@code buf[to]} must be the closing quote, the first unescaped one), or {@code null} when it is not plain.
     */
    static String stringContent(byte[] buf, int from, int to) {
        PlainJsonDecoder d = new PlainJsonDecoder(buf, from, to + 1 - from);
        String s = d.string();
        return s != null && d.pos == to + 1 ? s : null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> document() {
        ws();
        if (peek() != '{') {
            return null;
        }
        pos++;
        Object object = object(1);
        if (object == NOT_PLAIN) {
            return null;
        }
        ws();
        return pos == end ? (Map<String, Object>) object : null;
    }

    /** An object whose '{' was just read. */
    private Object object(int depth) {
        if (depth > MAX_DEPTH) {
            return NOT_PLAIN;
        }
        // a record line has up to twenty fields: start big enough not to grow the table on the way
        Map<String, Object> map = depth == 1 ? new LinkedHashMap<>(32) : new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                return NOT_PLAIN;
            }
            int nameStart = ++pos;
            String name = knownName();
            if (name == null) {
                name = string();
                if (name == null || pos - nameStart > MAX_NAME_BYTES) {
                    return NOT_PLAIN;
                }
            }
            ws();
            if (peek() != ':') {
                return NOT_PLAIN;
            }
            pos++;
            ws();
            Object value = value(depth);
            if (value == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            map.put(name, value);
            ws();
            byte c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                return NOT_PLAIN;
            }
            ws();
        }
    }

    /**
     * A field name fray's records declare, as the one shared String instance (a line has a dozen names; sharing
     * them spares allocating and hashing each, and the fold's lookups by the same literals find them at once), and
     * past its closing quote; {@code null}, with nothing consumed, for any other name.
     */
    private String knownName() {
        int h = 0;
        for (int p = pos; p < end; p++) {
            byte b = buf[p];
            if (b == '"') {
                int i = KNOWN_NAMES.indexOf(buf, pos, p - pos, h);
                if (i < 0) {
                    return null;
                }
                pos = p + 1;
                return KNOWN_NAMES.name(i);
            }
            if (b == '\\' || b < 0x20) { // an escape, a control character or a non-ASCII byte: not a known name
                return null;
            }
            h = AsciiNames.step(h, b);
        }
        return null;
    }

    /** An array whose '[' was just read. */
    private Object array(int depth) {
        if (depth > MAX_DEPTH) {
            return NOT_PLAIN;
        }
        List<Object> list = new ArrayList<>();
        ws();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            Object value = value(depth);
            if (value == NOT_PLAIN) {
                return NOT_PLAIN;
            }
            list.add(value);
            ws();
            byte c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                return NOT_PLAIN;
            }
            ws();
        }
    }

    /** The value at {@code pos} inside a container at {@code depth}; JSON null is {@code null}. */
    private Object value(int depth) {
        byte c = peek();
        switch (c) {
            case '"' -> {
                pos++;
                String s = string();
                return s == null ? NOT_PLAIN : s;
            }
            case '{' -> {
                pos++;
                return object(depth + 1);
            }
            case '[' -> {
                pos++;
                return array(depth + 1);
            }
            case 't' -> {
                return literal("true") ? Boolean.TRUE : NOT_PLAIN;
            }
            case 'f' -> {
                return literal("false") ? Boolean.FALSE : NOT_PLAIN;
            }
            case 'n' -> {
                return literal("null") ? null : NOT_PLAIN;
            }
            default -> {
                return c == '-' || (c >= '0' && c <= '9') ? integer() : NOT_PLAIN;
            }
        }
    }

    /** An integer that fits 18 digits; NOT_PLAIN for anything else a number can be. */
    private Object integer() {
        boolean negative = buf[pos] == '-';
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        long v = 0;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            v = v * 10 + (buf[pos] - '0');
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && buf[digitsStart] == '0')) {
            return NOT_PLAIN;
        }
        if (pos < end && (buf[pos] == '.' || buf[pos] == 'e' || buf[pos] == 'E')) {
            return NOT_PLAIN; // a fraction or an exponent: Jackson's Double
        }
        return negative ? -v : v;
    }

    /** A string whose opening quote was just read; {@code null} if not plain. */
    private String string() {
        int start = pos;
        boolean ascii = true;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"') {
                String s = new String(buf, start, pos - start,
                        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (b == '\\') {
                return escapedString(start);
            }
            if (b >= 0 && b < 0x20) {
                return null;
            }
            if (b < 0) {
                int n = JsonBytes.utf8SequenceLength(buf, pos, end);
                if (n < 0) {
                    return null;
                }
                ascii = false;
                pos += n;
            } else {
                pos++;
            }
        }
        return null;
    }

    /**
     * The rest of a string from {@code start} whose first escape is at {@code pos}. The bytes between escapes are
     * well-formed UTF-8 on their own (escapes are ASCII), so decoding them piece by piece gives the same text.
     */
    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(pos - start + 16);
        int segment = start;
        while (pos < end) {
            byte b = buf[pos];
            if (b == '"' || b == '\\') {
                sb.append(new String(buf, segment, pos - segment, StandardCharsets.UTF_8));
                pos++;
                if (b == '"') {
                    return sb.toString();
                }
                if (pos >= end) {
                    return null;
                }
                byte e = buf[pos++];
                switch (e) {
                    case '"', '\\', '/' -> sb.append((char) e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        int c = hex4();
                        if (c < 0) {
                            return null;
                        }
                        sb.append((char) c);
                    }
                    default -> {
                        return null;
                    }
                }
                segment = pos;
            } else if (b >= 0 && b < 0x20) {
                return null;
            } else if (b < 0) {
                int n = JsonBytes.utf8SequenceLength(buf, pos, end);
                if (n < 0) {
                    return null;
                }
                pos += n;
            } else {
                pos++;
            }
        }
        return null;
    }

    /** The four hex digits at {@code pos} as a char value (consumed), or -1. */
    private int hex4() {
        if (end - pos < 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(buf[pos + i], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        pos += 4;
        return v;
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
