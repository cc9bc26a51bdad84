package dev.fray.sdk.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plain-line decoder gives exactly Jackson's result (values, Java types, key order) for every line it accepts,
 * and accepts the lines fray writes. Random lines come from a seed (printed on failure; {@code -Dfray.seed=N} replays
 * it) with escapes of every kind, non-ASCII and invalid UTF-8, control characters, edge numbers, literals, nesting,
 * repeated keys, odd whitespace and random corruption; real lines come from the fray v1 fixture channel.
 */
class PlainJsonDecoderPropertyTest {

    private static final String[] NAMES = {"type", "id", "body", "ts", "mentions", "reactions", "é", "", "a\\\"b",
        "\\u0074ype", "x y"};
    private static final String[] STRINGS = {"message", "", "a\\\"b", "\\u00e9t\\u00e9", "été", "👍", "tab\\there",
        "x\\\\y", "\\ud83d\\ude00", "\\ud800", "\\udc00x", "<&>", "\\/\\b\\f\\n\\r\\t", "\u007f", "中文"};
    private static final String[] ODD_STRINGS = {"\\u00", "\\x", "\\uZZZZ", "ctl\u0001", "\\"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "1767225600", "999999999999999999",
        "-999999999999999999", "123456789012345678"};
    private static final String[] ODD_NUMBERS = {"1000000000000000000", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1.5", "1e3", "2E-2", "-0.0", "01", "-01", "-", "12345678901234567890", "1.", ".5",
        "+1", "0x10", "NaN", "Infinity"};
    private static final String[] SPACES = {"", "", "", " ", "\t", "\r\n", "  \n"};
    private static final String[] ODD_SPACES = {"\u000b", "\f", "\u0000"};

    @Test
    void acceptedLinesDecodeExactlyAsWithJackson() {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random random = new Random(seed);
        int accepted = 0;
        int total = 30_000;
        for (int i = 0; i < total; i++) {
            byte[] bytes = line(random).getBytes(StandardCharsets.UTF_8);
            int mutation = random.nextInt(12);
            if (mutation == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) "{}[]\",:x\\ \u0000".charAt(random.nextInt(11));
            } else if (mutation == 1) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // invalid or odd UTF-8
            } else if (mutation == 2) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
            }
            if (check(bytes, seed)) {
                accepted++;
            }
        }
        assertTrue(accepted > total / 4, "seed " + seed + ": too few lines accepted to test anything: " + accepted);
    }

    @Test
    void realLinesAreAcceptedAndDecodeAsWithJackson() throws IOException {
        int lines = 0;
        try (Stream<Path> files = Files.list(Fixtures.v1ChannelFrayDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    assertTrue(check(bytes, 0), () -> file + ": not plain: " + line);
                    lines++;
                }
            }
        }
        assertTrue(lines > 1000, "fixture lines: " + lines);
    }

    @Test
    void whatItLeavesToJackson() {
        for (String line : List.of("\uFEFF{\"a\":1}", "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":12345678901234567890}",
                "{\"a\":1} x", "{\"a\":1}{}", "[1]", "{\"a\":\"\u0001\"}", "{\"a\":01}", "{\"a\":1,}", "{\"a\" 1}",
                "{\"a\":tru}", "{\"a\":truex}", "{\"a\":\"\\q\"}", "{\"a\":1}\u000b", "{\"" + "n".repeat(2000) + "\":1}",
                "[".repeat(70) + "]".repeat(70))) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertNull(PlainJsonDecoder.decode(bytes, 0, bytes.length), line);
        }
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertNull(PlainJsonDecoder.decode(overlong, 0, overlong.length));
        assertNull(PlainJsonDecoder.decode(surrogate, 0, surrogate.length));
    }

    /** Whether the plain decoder accepted the line; if so, asserts it agrees with Jackson. */
    private static boolean check(byte[] bytes, long seed) {
        int off = bytes.length > 2 ? 1 : 0; // decode from an offset too, as callers may
        byte[] framed = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, framed, off, bytes.length);
        framed[0] = off == 1 ? (byte) '}' : framed[0];
        framed[framed.length - 1] = (byte) '"';
        Map<String, Object> plain = PlainJsonDecoder.decode(framed, off, bytes.length);
        if (plain == null) {
            return false;
        }
        Map<String, Object> jackson;
        try {
            jackson = JsonLineDecoder.decodeWithJackson(bytes, 0, bytes.length);
        } catch (JsonLineDecoder.BadLineException e) {
            throw new AssertionError("seed " + seed + ": plain decoder accepted a line Jackson rejects ("
                    + e.getMessage() + "): " + new String(bytes, StandardCharsets.UTF_8));
        }
        assertEquals(describe(jackson), describe(plain), () -> "seed " + seed + ", line "
                + new String(bytes, StandardCharsets.UTF_8));
        return true;
    }

    /** Values with their Java types and map key order, so equal descriptions mean identical decodes. */
    private static String describe(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder(m.getClass().getSimpleName()).append('{');
            m.forEach((k, x) -> sb.append(describe(k)).append('=').append(describe(x)).append(';'));
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder(l.getClass().getSimpleName()).append('[');
            l.forEach(x -> sb.append(describe(x)).append(';'));
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return "String:" + s.chars().mapToObj(Integer::toHexString).toList();
        }
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }

    private static String line(Random r) {
        StringBuilder sb = new StringBuilder(space(r)).append('{').append(space(r));
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(space(r)).append(',').append(space(r));
            }
            sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append('"').append(space(r)).append(':')
                    .append(space(r)).append(value(r, 0));
        }
        return sb.append(space(r)).append('}').append(space(r)).toString();
    }

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 3 ? 4 : 7)) {
            case 0, 1 -> '"' + pick(r, STRINGS, ODD_STRINGS) + '"';
            case 2 -> pick(r, NUMBERS, ODD_NUMBERS);
            case 3 -> List.of("null", "true", "false").get(r.nextInt(3));
            case 4 -> r.nextInt(4) == 0 ? "[]" : "[" + value(r, depth + 1) + space(r) + "," + space(r)
                    + value(r, depth + 1) + "]";
            case 5 -> r.nextInt(4) == 0 ? "{}" : "{\"k\":" + value(r, depth + 1) + ",\"k\":" + value(r, depth + 1)
                    + ",\"j\":" + value(r, depth + 1) + "}";
            default -> "{" + space(r) + "\"n\"" + space(r) + ":" + space(r) + value(r, depth + 1) + "}";
        };
    }

    private static String space(Random r) {
        return r.nextInt(200) == 0 ? pick(r, ODD_SPACES, ODD_SPACES) : pick(r, SPACES, SPACES);
    }

    /** Mostly a plain token; now and then one the plain decoder must leave to Jackson. */
    private static String pick(Random r, String[] plain, String[] odd) {
        return r.nextInt(12) == 0 ? odd[r.nextInt(odd.length)] : plain[r.nextInt(plain.length)];
    }
}
