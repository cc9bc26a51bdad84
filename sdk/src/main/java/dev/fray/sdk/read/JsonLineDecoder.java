package dev.fray.sdk.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one JSONL line into plain Java values (with {@link PlainJsonDecoder} when the line is plain, else with
 * Jackson's streaming parser, which also words the errors): {@code String}, {@code Long}
 * (integers that fit int64), {@code BigInteger} (larger integers), {@code Double} (numbers with a fraction or
 * exponent), {@code Boolean}, {@code null}, {@code List<Object>} and {@code LinkedHashMap<String,Object>}.
 *
 * <p>An explicit JSON {@code null} is kept as a key mapped to {@code null}, so callers can tell "present but null"
 * ({@code containsKey}) from "absent" — fray's fold distinguishes them for {@code archived_at}/{@code edited_at}.
 * A repeated key keeps its last value, as Go's decoder does.
 */
public final class JsonLineDecoder {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Thrown for a line that is not one well-formed JSON object. */
    public static final class BadLineException extends Exception {
        public BadLineException(String message) {
            super(message);
        }
    }

    private JsonLineDecoder() {
    }

    /**
     * The object on this line; fails if the line is not exactly one JSON object. Plain lines (nearly all) are
     * decoded by {@link PlainJsonDecoder}, the rest by Jackson; both give the same result.
     */
    public static Map<String, Object> decodeObject(byte[] buf, int off, int len) throws BadLineException {
        Map<String, Object> plain = PlainJsonDecoder.decode(buf, off, len);
        return plain != null ? plain : decodeWithJackson(buf, off, len);
    }

    /**
     * The text of one JSON string value of a line, {@code buf[from, to)} being what lies between its quotes
     * ({@code buf[to]} the closing quote), exactly as {@link #decodeObject} decodes it; {@code null} when it is not
     * plain (control characters, invalid UTF-8, an unknown escape), which leaves the line to {@link #decodeObject}.
     */
    public static String stringContent(byte[] buf, int from, int to) {
        return PlainJsonDecoder.stringContent(buf, from, to);
    }

    /** {@link #decodeObject} by Jackson's streaming parser alone. */
    static Map<String, Object> decodeWithJackson(byte[] buf, int off, int len) throws BadLineException {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BadLineException("not a JSON object");
            }
            Map<String, Object> obj = readObject(p);
            if (p.nextToken() != null) {
                throw new BadLineException("unexpected data after the JSON object");
            }
            return obj;
        } catch (IOException e) {
            throw new BadLineException("invalid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> obj = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            obj.put(name, readValue(p));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("malformed object");
        }
        return obj;
    }

    private static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    BigInteger big = p.getBigIntegerValue();
                    return big;
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + t);
        }
    }
}
