package dev.fray.sdk.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.CacheConnections;
import dev.fray.sdk.cache.CacheSchema;
import dev.fray.sdk.cache.CacheTable;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.synth.SyntheticChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up equals a full rebuild: a generated channel's logs are split at random line boundaries, the prefixes are
 * built in full, the rest arrives in random order in random chunks (so updates often arrive before their targets),
 * plus a machine that was offline syncing events with old timestamps; after every arrival the cache is caught up,
 * and at the end its derived tables must equal those of a full rebuild of the same files. Seeded; replay with
 * {@code -Dfray.seed=N}.
 */
class CatchUpPropertyTest {

    @TempDir
    Path tmp;

    @Test
    void catchingUpEqualsAFullRebuild() throws Exception {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed;
        for (int round = 0; round < 3; round++) {
            Path source = tmp.resolve("source-" + round);
            SyntheticChannel.Spec spec = SyntheticChannel.Spec.of(random.nextLong(), 1500 + random.nextInt(1500),
                    2 + random.nextInt(3));
            SyntheticChannel.generate(source, spec);
            Path target = tmp.resolve("target-" + round);
            copyTree(source.resolve(".fray"), target.resolve(".fray"));
            ChannelPaths paths = ChannelPaths.ofProjectRoot(target);

            // cut every log at a random line boundary; the rest arrives later in chunks
            List<Chunk> pending = new ArrayList<>();
            for (Path log : logs(paths)) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                int cut = random.nextInt(lines.size() + 1);
                Files.writeString(log, join(lines.subList(0, cut)), StandardCharsets.UTF_8);
                int at = cut;
                while (at < lines.size()) {
                    int n = 1 + random.nextInt(Math.max(1, lines.size() / 3));
                    pending.add(new Chunk(log, join(lines.subList(at, Math.min(lines.size(), at + n)))));
                    at += n;
                }
            }
            assertEquals(RebuildReport.How.FULL, Rebuilder.rebuildIfStale(paths).how(), context);
            // chunks of one log must stay in order; interleave logs randomly
            List<Chunk> arrival = new ArrayList<>();
            List<List<Chunk>> perLog = new ArrayList<>();
            for (Path log : logs(paths)) {
                perLog.add(new ArrayList<>(pending.stream().filter(c -> c.log.equals(log)).toList()));
            }
            while (perLog.stream().anyMatch(l -> !l.isEmpty())) {
                List<List<Chunk>> nonEmpty = perLog.stream().filter(l -> !l.isEmpty()).toList();
                arrival.add(nonEmpty.get(random.nextInt(nonEmpty.size())).remove(0));
            }
            int caughtUp = 0;
            for (Chunk c : arrival) {
                Files.writeString(c.log, c.text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                RebuildReport r = Rebuilder.rebuildIfStale(paths);
                if (r.how() == RebuildReport.How.CATCH_UP) {
                    caughtUp++;
                }
            }
            // a machine that was offline syncs events with old timestamps
            String machine = paths.machinesDir().toFile().list()[0];
            SyntheticChannel.appendEvents(target, new SyntheticChannel.Spec(random.nextLong(), 300, 1, 12,
                    1_767_225_600L - 86_400, 90), List.of(machine), 1_767_225_600L - 86_400);
            RebuildReport late = Rebuilder.rebuildIfStale(paths);
            assertEquals(RebuildReport.How.CATCH_UP, late.how(), context + " " + late.fullRebuildReason());
            assertTrue(caughtUp > 0 || arrival.isEmpty(), context + ": no arrival was caught up");

            Path expected = tmp.resolve("expected-" + round);
            copyTree(target.resolve(".fray"), expected.resolve(".fray"));
            ChannelPaths expectedPaths = ChannelPaths.ofProjectRoot(expected);
            Files.deleteIfExists(expectedPaths.cacheDb());
            Files.deleteIfExists(expectedPaths.cacheDb().resolveSibling("fray.db-wal"));
            Files.deleteIfExists(expectedPaths.cacheDb().resolveSibling("fray.db-shm"));
            Rebuilder.rebuild(expectedPaths, true);
            assertEquals(dump(expectedPaths.cacheDb()), dump(paths.cacheDb()), context + ", round " + round);
            assertEquals(readOrEmpty(expectedPaths.collisionsFile()).isEmpty(),
                    readOrEmpty(paths.collisionsFile()).isEmpty(), context);
        }
    }

    /**
     * Last-event-wins entities (a cursor moved thousands of times) are caught up from their last decisive event only,
     * and their persisted delta keeps only that: many catch-ups of one busy cursor, with late arrivals that must lose
     * and clears that must win, end equal to a full rebuild, while the index state does not grow with every move.
     */
    @Test
    void aBusyCursorIsCaughtUpExactlyAndItsDeltaStaysSmall() throws Exception {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed;
        Path project = tmp.resolve("busy");
        SyntheticChannel.generate(project, SyntheticChannel.Spec.of(random.nextLong(), 1000, 3));
        ChannelPaths paths = ChannelPaths.ofProjectRoot(project);
        assertEquals(RebuildReport.How.FULL, Rebuilder.rebuildIfStale(paths).how(), context);
        List<Path> cursorLogs = logs(paths).stream()
                .filter(p -> p.getFileName().toString().equals("agent-state.jsonl")).toList();
        long start = 1_767_225_600_000L + 200L * 86_400_000;
        long stateSize = 0;
        int rounds = 30;
        int perRound = 25;
        for (int round = 0; round < rounds; round++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < perRound; i++) {
                long t = start + round * 10_000L + i * 100L;
                if (random.nextInt(5) == 0) {
                    t -= 1 + random.nextInt(1_000_000); // a late arrival: older than what is already there
                }
                int kind = random.nextInt(10);
                if (kind == 0) {
                    lines.append("{\"type\":\"cursor_clear\",\"agent_id\":\"agent1\",\"home\":\"room\",\"seq\":")
                            .append(1_000_000 + round * perRound + i).append(",\"ts\":").append(t).append("}\n");
                } else if (kind == 1) { // names no home: fray ignores it
                    lines.append("{\"type\":\"cursor_clear\",\"agent_id\":\"agent1\",\"seq\":")
                            .append(1_000_000 + round * perRound + i).append(",\"ts\":").append(t).append("}\n");
                } else {
                    lines.append("{\"type\":\"ghost_cursor\",\"agent_id\":\"agent1\",\"home\":\"room\",")
                            .append("\"message_guid\":\"msg-r").append(round).append('i').append(i)
                            .append("\",\"must_read\":").append(random.nextBoolean()).append(",\"set_at\":")
                            .append(t).append("}\n");
                }
            }
            Path log = cursorLogs.get(random.nextInt(cursorLogs.size()));
            Files.writeString(log, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            RebuildReport r = Rebuilder.rebuildIfStale(paths);
            assertEquals(RebuildReport.How.CATCH_UP, r.how(), context + ", round " + round + ": "
                    + r.fullRebuildReason());
            if (round == 1) {
                stateSize = Files.size(paths.eventIndexState());
            }
        }
        long growth = Files.size(paths.eventIndexState()) - stateSize;
        // keeping every move would add (rounds - 2) * perRound stored events of ~50 bytes each
        assertTrue(growth < 20L * 50, context + ": the index state grew by " + growth + " bytes");

        Path expected = tmp.resolve("busy-expected");
        copyTree(project.resolve(".fray"), expected.resolve(".fray"));
        ChannelPaths expectedPaths = ChannelPaths.ofProjectRoot(expected);
        Rebuilder.rebuild(expectedPaths, true);
        assertEquals(dump(expectedPaths.cacheDb()), dump(paths.cacheDb()), context);
    }

    @Test
    void aChangedPrefixFallsBackToAFullRebuild() throws Exception {
        Path project = tmp.resolve("p");
        SyntheticChannel.generate(project, SyntheticChannel.Spec.of(7, 800, 2));
        ChannelPaths paths = ChannelPaths.ofProjectRoot(project);
        assertEquals(RebuildReport.How.FULL, Rebuilder.rebuildIfStale(paths).how());
        Path log = logs(paths).stream().filter(p -> p.getFileName().toString().equals("messages.jsonl"))
                .findFirst().orElseThrow();
        String text = Files.readString(log);
        Files.writeString(log, text.replaceFirst("\"body\":\"@", "\"body\":\"!@") + text.substring(0, text.indexOf('\n') + 1));
        RebuildReport r = Rebuilder.rebuildIfStale(paths);
        assertEquals(RebuildReport.How.FULL, r.how());
        assertTrue(r.fullRebuildReason().contains("changed"), r.fullRebuildReason());

        // a plain append after that is caught up again
        Files.writeString(log, text.substring(0, text.indexOf('\n') + 1), StandardOpenOption.APPEND);
        RebuildReport again = Rebuilder.rebuildIfStale(paths);
        assertEquals(RebuildReport.How.CATCH_UP, again.how(), again.fullRebuildReason());
        // a shrunk log is a full rebuild
        Files.writeString(log, text.substring(0, text.length() / 2 - (text.length() / 2) % 1));
        assertEquals(RebuildReport.How.FULL, Rebuilder.rebuildIfStale(paths).how());
    }

    private record Chunk(Path log, String text) {
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static String readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static List<Path> logs(ChannelPaths paths) throws IOException {
        try (Stream<Path> s = Files.walk(paths.machinesDir())) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    /** Every derived table (fray-jvm's bookkeeping excluded), rows as text, sorted. */
    static List<String> dump(Path db) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = CacheConnections.readOnly(db).getConnection(); Statement st = c.createStatement()) {
            for (CacheTable t : CacheSchema.derivedTables()) {
                if (t.name().startsWith("fray_jvm_")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name())) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder(t.name());
                        for (int i = 1; i <= n; i++) {
                            sb.append('|').append(rs.getString(i));
                        }
                        rows.add(sb.toString());
                    }
                }
                Collections.sort(rows);
                out.addAll(rows);
            }
        }
        return out;
    }
}
