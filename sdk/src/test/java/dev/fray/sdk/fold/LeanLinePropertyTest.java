package dev.fray.sdk.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.read.JsonLineDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The first pass's lean scan must agree with the strict decoder on every line it accepts: same string / int64
 * values for every field it reads, "other" exactly where the strict value is neither. Lines are generated from a
 * seed (replay with {@code -Dfray.seed=N}) with escapes, non-ASCII, edge numbers, nesting, duplicate keys and
 * random corruption.
 */
class LeanLinePropertyTest {

    private static final String[] FIELDS = {"type", "id", "guid", "message_guid", "agent_id", "emoji", "reacted_at",
        "ts", "seq", "edited_at", "created_at", "body", "mentions", "home"};
    private static final String[] STRINGS = {"message", "reaction", "msg-1", "", "a\\\"b", "\\u00e9t\\u00e9", "été",
        "👍", "tab\\there", "x\\\\y", "\\ud83d\\ude00", "<&>"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "1767225600", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1.5", "1e3", "2E-2", "01", "-",
        "12345678901234567890"};

    @Test
    void leanValuesEqualStrictValues() {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random random = new Random(seed);
        LeanLine lean = new LeanLine();
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String line = line(random);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(10) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) "{}[]\",:x\\ \u00ff".charAt(random.nextInt(11));
            }
            Map<String, Object> strict;
            try {
                strict = JsonLineDecoder.decodeObject(bytes, 0, bytes.length);
            } catch (JsonLineDecoder.BadLineException e) {
                strict = null;
            }
            if (!lean.scan(bytes, 0, bytes.length) || strict == null) {
                continue; // rejected lines take the strict path; accepted invalid ones are rejected strictly later
            }
            accepted++;
            for (String field : List.of("type", "id", "guid", "message_guid", "agent_id", "emoji", "reacted_at", "ts",
                    "seq", "edited_at", "created_at", "home")) {
                Object s = strict.get(field);
                Object expected = s instanceof String || s instanceof Long ? s : s == null ? null : LeanLine.OTHER;
                assertEquals(expected, lean.get(field), () -> "seed " + seed + ", field " + field + ", line "
                        + new String(bytes, StandardCharsets.UTF_8));
            }
        }
        assertTrue(accepted > 5_000, "seed " + seed + ": too few lines accepted to test anything: " + accepted);
    }

    private static String line(Random r) {
        StringBuilder sb = new StringBuilder(r.nextInt(8) == 0 ? " {" : "{");
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(r.nextInt(6) == 0 ? " , " : ",");
            }
            sb.append('"').append(FIELDS[r.nextInt(FIELDS.length)]).append(r.nextInt(6) == 0 ? "\" : " : "\":");
            sb.append(value(r, 0));
        }
        return sb.append(r.nextInt(8) == 0 ? "}\r" : "}").toString();
    }

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 4 : 6)) {
            case 0, 1 -> '"' + STRINGS[r.nextInt(STRINGS.length)] + '"';
            case 2 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 3 -> List.of("null", "true", "false").get(r.nextInt(3));
            case 4 -> "[" + value(r, depth + 1) + "," + value(r, depth + 1) + "]";
            default -> "{\"type\":" + value(r, depth + 1) + ",\"ts\":" + value(r, depth + 1) + "}";
        };
    }
}
