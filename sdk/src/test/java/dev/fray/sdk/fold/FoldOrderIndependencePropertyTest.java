package dev.fray.sdk.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.cache.rows.CacheRow;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests over random multi-machine v2 histories written as real files (seeded {@link Random}; the seed is
 * printed on failure, {@code -Dfray.seed=N} replays one seed, {@code -Dfray.size=N} its shrunk size):
 * <ol>
 *   <li>the folded rows (sorted canonical list) and collisions do not depend on the order machine directories were
 *       created, renamed into place or listed;</li>
 *   <li>folding after every arrival of a machine's file, in random order, never fails, and the final fold equals the
 *       fold of everything;</li>
 *   <li>two projects with the same shared files and different {@code local/} give identical rows for every table
 *       except {@code fray_agents}.</li>
 * </ol>
 * On failure the generator size is shrunk (same seed) to the smallest size that still fails.
 */
class FoldOrderIndependencePropertyTest {

    private static final int ITERATIONS = 12;
    private static final int SIZE = 60;

    @TempDir
    Path tmp;

    private int dirs;

    @Test
    void foldIsIndependentOfListingArrivalAndLocalState() throws Exception {
        Long fixed = Long.getLong("fray.seed");
        int size = Integer.getInteger("fray.size", SIZE);
        List<Long> seeds = new ArrayList<>();
        if (fixed != null) {
            seeds.add(fixed);
        } else {
            Random master = new Random();
            for (int i = 0; i < ITERATIONS; i++) {
                seeds.add(master.nextLong());
            }
        }
        for (long seed : seeds) {
            try {
                check(seed, size);
            } catch (AssertionError | Exception e) {
                int smallest = size;
                for (int s = 1; s < size; s++) {
                    try {
                        check(seed, s);
                    } catch (AssertionError | Exception shrunk) {
                        smallest = s;
                        break;
                    }
                }
                throw new AssertionError("property failed for seed " + seed + " (smallest failing size " + smallest
                        + "); replay with -Dfray.seed=" + seed + " -Dfray.size=" + smallest, e);
            }
        }
    }

    private void check(long seed, int size) throws IOException {
        HistoryGenerator.History h = new HistoryGenerator(seed, size).generate();
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        List<String> machines = new ArrayList<>(h.machines().keySet());

        // 1. listing / creation order
        Collections.shuffle(machines, rnd);
        ChannelPaths a = writeAll(h, machines, false, rnd);
        Folded reference = fold(a);
        assertTrue(reference.rows.size() > 0, "generator produced no rows");
        Collections.shuffle(machines, rnd);
        ChannelPaths b = writeAll(h, machines, true, rnd);
        assertEquals(reference, fold(b), "fold depends on machine directory order");
        // the file system may list in the same (hash) order whatever the creation order: also shuffle the listing
        assertEquals(reference, fold(new ShuffledListing(b, rnd)), "fold depends on the listing order");

        // 2. arrival order, folding after each arrival
        List<String[]> units = new ArrayList<>();
        for (String m : machines) {
            for (LogFile f : LogFile.SHARED_V2) {
                if (!h.machines().get(m).get(f).isEmpty()) {
                    units.add(new String[] {m, f.name()});
                }
            }
        }
        Collections.shuffle(units, rnd);
        ChannelPaths c = fresh();
        writeRuntime(c, h.runtime());
        for (String[] unit : units) {
            LogFile f = LogFile.valueOf(unit[1]);
            writeLines(c.machineLog(unit[0], f), h.machines().get(unit[0]).get(f));
            fold(c);
        }
        assertEquals(reference, fold(c), "final fold after arrivals differs from the fold of all");

        // 3. different local/ state: identical shared-derived rows
        ChannelPaths d = fresh();
        for (String m : machines) {
            for (LogFile f : LogFile.SHARED_V2) {
                writeLines(d.machineLog(m, f), h.machines().get(m).get(f));
            }
        }
        writeRuntime(d, List.of("{\"type\":\"agent\",\"id\":\"usr-other\",\"agent_id\":\"ag0\",\"registered_at\":5,"
                + "\"last_seen\":6,\"left_at\":null,\"managed\":true}"));
        assertEquals(withoutAgents(reference.rows), withoutAgents(fold(d).rows), "local/ changed shared rows");
    }

    private static List<String> withoutAgents(List<CacheRow> rows) {
        return rows.stream().filter(r -> !(r instanceof AgentRow)).map(CacheRow::toString).sorted()
                .collect(Collectors.toList());
    }

    private record Folded(List<CacheRow> rows, List<String> canonical, List<GuidCollision> collisions,
            Map<String, Long> rowsPerTable) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Folded f && canonical.equals(f.canonical) && collisions.equals(f.collisions)
                    && rowsPerTable.equals(f.rowsPerTable);
        }

        @Override
        public int hashCode() {
            return canonical.hashCode();
        }

        @Override
        public String toString() {
            return String.join("\n", canonical) + "\ncollisions=" + collisions;
        }
    }

    /** A real directory backend that lists machines in a random order, as another file system could. */
    private static final class ShuffledListing extends DirectoryStorageBackend {
        private final Random rnd;

        ShuffledListing(ChannelPaths paths, Random rnd) {
            super(paths);
            this.rnd = rnd;
        }

        @Override
        public List<String> machines() throws IOException {
            List<String> list = new ArrayList<>(super.machines());
            Collections.shuffle(list, rnd);
            return list;
        }
    }

    private Folded fold(ChannelPaths p) throws IOException {
        return fold(new DirectoryStorageBackend(p));
    }

    private Folded fold(DirectoryStorageBackend backend) throws IOException {
        CollectingSink sink = new CollectingSink();
        FoldResult r = ChannelFold.run(backend, StorageVersion.V2, sink);
        assertTrue(r.read().warnings().isEmpty(), () -> r.read().warnings().toString());
        return new Folded(sink.rows, sink.canonical(), r.collisions(), r.rowsPerTable());
    }

    private ChannelPaths fresh() throws IOException {
        Path root = tmp.resolve("p" + dirs++);
        Files.createDirectories(root);
        return ChannelPaths.ofProjectRoot(root);
    }

    private ChannelPaths writeAll(HistoryGenerator.History h, List<String> order, boolean viaRename, Random rnd)
            throws IOException {
        ChannelPaths p = fresh();
        for (String m : order) {
            List<LogFile> files = new ArrayList<>(LogFile.SHARED_V2);
            Collections.shuffle(files, rnd);
            Path target = p.machineDir(m);
            Path dir = viaRename ? p.machinesDir().resolve("incoming-" + rnd.nextInt(1_000_000)) : target;
            for (LogFile f : files) {
                writeLines(dir.resolve(f.fileName()), h.machines().get(m).get(f));
            }
            if (viaRename) {
                Files.move(dir, target);
            }
        }
        writeRuntime(p, h.runtime());
        return p;
    }

    private static void writeRuntime(ChannelPaths p, List<String> lines) throws IOException {
        writeLines(p.runtimeLog(), lines);
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
