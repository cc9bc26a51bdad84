package dev.fray.sdk.fold;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes decoded values back as compact JSON text for the cache's JSON columns, escaping {@code <}, {@code >} and
 * {@code &} as {@code \u003c}, {@code \u003e}, {@code \u0026} like Go's {@code encoding/json}. Maps keep the order
 * they are given in (callers sort where Go would).
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final CharacterEscapes GO_ESCAPES = new CharacterEscapes() {
        private final int[] table;

        {
            table = CharacterEscapes.standardAsciiEscapesForJSON();
            table['<'] = CharacterEscapes.ESCAPE_STANDARD;
            table['>'] = CharacterEscapes.ESCAPE_STANDARD;
            table['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private JsonText() {
    }

    public static String write(Object value) {
        String plain = plainText(value);
        if (plain != null) {
            return plain;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setCharacterEscapes(GO_ESCAPES);
            writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The common cases without a generator: an empty object or array, and an array of strings that need no escaping
     * (printable ASCII other than {@code "}, {@code \\}, {@code <}, {@code >}, {@code &}); otherwise {@code null}.
     */
    private static String plainText(Object value) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "{}";
        }
        if (!(value instanceof List<?> list)) {
            return null;
        }
        StringBuilder sb = new StringBuilder(list.size() * 16 + 2).append('[');
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || !plain(s)) {
                return null;
            }
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(s).append('"');
        }
        return sb.append(']').toString();
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') {
                return false;
            }
        }
        return true;
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object e : list) {
                writeValue(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }
}
