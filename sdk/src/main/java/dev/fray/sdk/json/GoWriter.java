package dev.fray.sdk.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.model.QuestionOption;
import dev.fray.spi.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the fields of one record the way Go's {@code encoding/json} writes fray's structs.
 *
 * <p>The method name says which Go field shape is being reproduced, because that decides what is omitted:
 * <ul>
 *   <li>{@code always*} — a value field without {@code omitempty}: always written, {@code null} written as Go's zero
 *       value ({@code ""}, {@code 0}, {@code false});</li>
 *   <li>{@code nullable*} — a pointer/slice field without {@code omitempty}: always written, {@code null} as JSON
 *       {@code null};</li>
 *   <li>{@code opt*} — a value field with {@code omitempty}: omitted when {@code null} or zero/empty;</li>
 *   <li>{@code optPtr*} — a pointer field with {@code omitempty}: omitted only when {@code null} (a pointer to
 *       {@code ""}, {@code 0} or {@code false} is written).</li>
 * </ul>
 * Go writes map keys sorted by their UTF-8 bytes; so does this writer.
 */
final class GoWriter {

    private final GoJson g;

    GoWriter(GoJson g) {
        this.g = g;
    }

    void alwaysStr(String key, String value) {
        g.key(key);
        g.string(value == null ? "" : value);
    }

    void nullableStr(String key, String value) {
        g.key(key);
        if (value == null) {
            g.nullValue();
        } else {
            g.string(value);
        }
    }

    void optStr(String key, String value) {
        if (value != null && !value.isEmpty()) {
            alwaysStr(key, value);
        }
    }

    void optPtrStr(String key, String value) {
        if (value != null) {
            alwaysStr(key, value);
        }
    }

    void alwaysInt(String key, Long value) {
        g.key(key);
        g.number(value == null ? 0L : value);
    }

    void nullableInt(String key, Long value) {
        g.key(key);
        if (value == null) {
            g.nullValue();
        } else {
            g.number(value);
        }
    }

    void optInt(String key, Long value) {
        if (value != null && value != 0L) {
            alwaysInt(key, value);
        }
    }

    void optPtrInt(String key, Long value) {
        if (value != null) {
            alwaysInt(key, value);
        }
    }

    void alwaysBool(String key, Boolean value) {
        g.key(key);
        g.bool(value != null && value);
    }

    void optBool(String key, Boolean value) {
        if (value != null && value) {
            alwaysBool(key, true);
        }
    }

    void optPtrBool(String key, Boolean value) {
        if (value != null) {
            alwaysBool(key, value);
        }
    }

    /** A slice field without omitempty: {@code null} is written as JSON {@code null}, an empty list as {@code []}. */
    void nullableStrList(String key, List<String> value) {
        g.key(key);
        writeStrList(value);
    }

    void optStrList(String key, List<String> value) {
        if (value != null && !value.isEmpty()) {
            nullableStrList(key, value);
        }
    }

    void optStrMap(String key, Map<String, String> value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        g.key(key);
        g.startObject();
        for (String k : sortedKeys(value)) {
            g.key(k);
            String v = value.get(k);
            g.string(v == null ? "" : v);
        }
        g.endObject();
    }

    /** A map of lists; {@code pointer} = Go {@code *map} (an empty map is then written as {@code {}}). */
    void optStrListMap(String key, Map<String, List<String>> value, boolean pointer) {
        if (value == null || (!pointer && value.isEmpty())) {
            return;
        }
        g.key(key);
        g.startObject();
        for (String k : sortedKeys(value)) {
            g.key(k);
            writeStrList(value.get(k));
        }
        g.endObject();
    }

    void optQuestionOptions(String key, List<QuestionOption> options) {
        if (options == null || options.isEmpty()) {
            return;
        }
        g.key(key);
        g.startArray();
        for (QuestionOption o : options) {
            g.startObject();
            alwaysStr("label", o.label());
            optStrList("pros", o.pros());
            optStrList("cons", o.cons());
            extra(o.extra());
            g.endObject();
        }
        g.endArray();
    }

    /** A JSON value kept verbatim (its own key order), omitted when {@code null}. */
    void optPtrNode(String key, JsonNode value) {
        if (value != null) {
            node(key, value);
        }
    }

    /** Unknown keys kept from the input, in their original order, after every known field. */
    void extra(Map<String, JsonNode> extra) {
        if (extra != null) {
            extra.forEach(this::node);
        }
    }

    private void node(String key, JsonNode value) {
        g.key(key);
        g.value(value);
    }

    private void writeStrList(List<String> value) {
        if (value == null) {
            g.nullValue();
            return;
        }
        g.startArray();
        for (String s : value) {
            g.string(s == null ? "" : s);
        }
        g.endArray();
    }

    private static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(Utf8Order::compare);
        return keys;
    }

}
