package dev.fray.sdk.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end on a small channel, so a broken benchmark shows up in the build and not on the day someone
 * wants figures: every measurement runs in its worker JVM, and every catch-up is verified against a full rebuild.
 * Timings are not checked (that is the benchmark's job, not a unit test's).
 */
class BenchmarkSmokeTest {

    @TempDir
    Path tmp;

    @Test
    void printsEveryFigureAndVerifiesTheCatchUps() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Benchmark(new Benchmark.Options(5, List.of(600, 1200), 4, 1, "256m", 10, tmp),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String expected : List.of("floor", "rebuild", "catch-up, 1,000 new events from three machines",
                "in a running process", "catch-up, offline machine syncs 10,000 old events", "scaling:",
                "durable append of one message", "batch append of 10 messages")) {
            assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + out);
        }
        assertFalse(out.contains("DIFFERS"), out);
        assertTrue(out.lines().filter(l -> l.startsWith("catch-up")).allMatch(l -> l.contains("CATCH_UP, verified")),
                out);
    }
}
