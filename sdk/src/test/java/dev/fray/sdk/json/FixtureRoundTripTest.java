package dev.fray.sdk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RawRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decode then encode every line of the real fray v1 channel and compare with the original bytes.
 *
 * <p>Lines written by fray's current structs must come back byte-identical. A line that cannot (written by an older
 * fray with another key order, or with keys the struct no longer has) must at least be semantically equal JSON, and
 * the number of such lines per file is pinned here so that any change is noticed.
 */
class FixtureRoundTripTest {

    static final Path FIXTURE = dev.fray.sdk.testing.Fixtures.v1ChannelFrayDir();

    /** Lines per file that are not byte-identical after a round trip (each must still be semantically equal). */
    static final Map<LogFile, Integer> EXPECTED_NOT_BYTE_IDENTICAL = Map.of(
            LogFile.MESSAGES, 0,
            LogFile.THREADS, 0,
            LogFile.QUESTIONS, 0,
            LogFile.AGENTS, 0);

    /** Lines per file kept as {@link RawRecord} (runtime events fray-jvm does not model). */
    static final Map<LogFile, Integer> EXPECTED_RAW = Map.of(
            LogFile.MESSAGES, 0,
            LogFile.THREADS, 0,
            LogFile.QUESTIONS, 0,
            LogFile.AGENTS, 209);

    @ParameterizedTest
    @EnumSource(value = LogFile.class, names = {"MESSAGES", "THREADS", "QUESTIONS", "AGENTS"})
    void everyLineRoundTrips(LogFile file) throws IOException {
        List<String> lines = fixtureLines(file);
        assertFalse(lines.isEmpty(), "fixture file " + file.fileName() + " is empty");
        int identical = 0;
        int raw = 0;
        List<String> different = new ArrayList<>();
        Map<String, Integer> perType = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            FrayRecord record = RecordCodec.decode(line);
            perType.merge(record.typeName(), 1, Integer::sum);
            if (record instanceof RawRecord) {
                raw++;
            }
            String encoded = new String(RecordCodec.encode(record), StandardCharsets.UTF_8);
            assertTrue(encoded.endsWith("\n") && encoded.indexOf('\n') == encoded.length() - 1,
                    "one \\n-terminated line expected");
            if (encoded.equals(line + "\n")) {
                identical++;
                continue;
            }
            JsonNode original = FrayJson.mapper().readTree(line);
            JsonNode reencoded = FrayJson.mapper().readTree(encoded);
            assertEquals(original, reencoded, file.fileName() + ":" + (i + 1) + " not even semantically equal\n  in:  "
                    + line + "\n  out: " + encoded);
            different.add((i + 1) + ": " + line + "\n    -> " + encoded.strip());
        }
        System.out.printf("%s: %d lines, %d byte-identical, %d semantically equal only, %d raw; types %s%n",
                file.fileName(), lines.size(), identical, different.size(), raw, perType);
        different.stream().limit(5).forEach(d -> System.out.println("  " + d));
        assertEquals(EXPECTED_NOT_BYTE_IDENTICAL.get(file), different.size(),
                "lines of " + file.fileName() + " not byte-identical:\n" + String.join("\n", different));
        assertEquals(EXPECTED_RAW.get(file), raw, "raw records in " + file.fileName());
        assertEquals(lines.size(), identical + different.size());
    }

    /** The non-blank lines of a fixture file, split on {@code \n} as fray reads them. */
    static List<String> fixtureLines(LogFile file) throws IOException {
        String text = Files.readString(FIXTURE.resolve(file.fileName()), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
