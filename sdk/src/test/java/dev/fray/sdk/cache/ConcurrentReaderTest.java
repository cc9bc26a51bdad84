package dev.fray.sdk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader in another OS process, holding its connection open, polls the cache while this process rebuilds it
 * repeatedly: generation A has {@value #A_ROWS} messages with ts 1 (sum = count), generation B has {@value #B_ROWS}
 * with ts 2 (sum = 2 × count). Every observation must be exactly one generation, and after the reader closes its
 * connection the file must still hold the last generation written (the R1 "rename over a WAL db" loss).
 */
class ConcurrentReaderTest {

    static final int A_ROWS = 3000;
    static final int B_ROWS = 5000;
    static final int REBUILDS = 12;

    @TempDir
    Path dir;

    @Test
    void separateProcessReaderNeverSeesAHalfBuiltCacheAndNoRebuildIsLost() throws Exception {
        ChannelPaths paths = new ChannelPaths(dir.resolve(".fray"));
        CacheWriter.rebuild(paths, generation(A_ROWS, 1), SourceManifest.empty());
        Path stop = dir.resolve("stop");
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CachePollerMain.class.getName(),
                paths.cacheDb().toString(), stop.toString()).redirectErrorStream(false).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(reader.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(reader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        Set<String> observations = new HashSet<>();
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            observations.add(line);
        }
        CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> out.lines().toList());

        boolean lastIsB = false;
        for (int i = 0; i < REBUILDS; i++) {
            lastIsB = i % 2 == 0;
            CacheWriter.rebuild(paths, lastIsB ? generation(B_ROWS, 2) : generation(A_ROWS, 1),
                    SourceManifest.empty());
            Thread.sleep(20);
        }
        Files.createFile(stop);
        assertTrue(reader.waitFor(60, TimeUnit.SECONDS), "reader did not stop");
        List<String> lines = rest.get(10, TimeUnit.SECONDS);
        assertEquals(0, reader.exitValue(), stderr.get());
        assertEquals("done", lines.get(lines.size() - 1));
        lines.stream().filter(l -> l.startsWith("obs ")).forEach(observations::add);

        Set<String> consistent = Set.of("obs " + A_ROWS + " " + A_ROWS, "obs " + B_ROWS + " " + (2L * B_ROWS));
        for (String o : observations) {
            assertTrue(consistent.contains(o), "inconsistent observation: " + o + " (all: " + observations + ")");
        }
        assertEquals(consistent, observations, "the reader should have seen both generations");

        // The reader has closed its connection (the moment R1 loses the rebuild): the last generation must be there.
        int expected = lastIsB ? B_ROWS : A_ROWS;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + paths.cacheDb());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(ts) FROM fray_messages")) {
            rs.next();
            assertEquals(expected, rs.getInt(1));
            assertEquals((long) expected * (lastIsB ? 2 : 1), rs.getLong(2));
        }
    }

    private static Consumer<RowSink> generation(int rows, long ts) {
        return sink -> {
            for (int i = 0; i < rows; i++) {
                sink.accept(Rows.message("msg-" + ts + "-" + i, ts));
            }
        };
    }
}
