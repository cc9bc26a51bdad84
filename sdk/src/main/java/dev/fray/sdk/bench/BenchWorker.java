package dev.fray.sdk.bench;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.rebuild.RebuildReport;
import dev.fray.sdk.rebuild.Rebuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one measurement in a JVM of its own, so that heap peaks and JIT state do not leak between measurements, and
 * prints {@code <elapsed ms> <peak heap bytes> <detail>} on stdout. Started by {@link Benchmark}.
 */
public final class BenchWorker {

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        ChannelPaths paths = ChannelPaths.ofProjectRoot(Path.of(args[1]));
        long t0 = System.nanoTime();
        String detail;
        switch (what) {
            case "floor" -> {
                Path db = Files.createTempFile("fray-floor", ".db");
                detail = FloorLoad.run(paths, db) + " lines";
                Files.deleteIfExists(db);
            }
            case "rebuild" -> {
                Files.deleteIfExists(paths.cacheDb());
                Files.deleteIfExists(paths.cacheDb().resolveSibling("fray.db-wal"));
                Files.deleteIfExists(paths.cacheDb().resolveSibling("fray.db-shm"));
                RebuildReport report = Rebuilder.rebuild(paths, true);
                detail = report.rowsPerTable().getOrDefault("fray_messages", 0L) + " messages, "
                        + report.warnings().size() + " warnings";
            }
            case "catchup" -> {
                // args: <project> <events> <machines,comma> <fromEpochSeconds> <seed> <rounds>; times only the
                // catch-ups. Round 1 is the first catch-up of this process, right after its full rebuild; later
                // rounds are what a long-running process (an embedder, the watch loop) sees as events keep coming.
                Path work = Path.of(args[1] + "-catchup");
                copyFresh(Path.of(args[1]), work);
                ChannelPaths w = ChannelPaths.ofProjectRoot(work);
                Rebuilder.rebuild(w, true);
                int events = Integer.parseInt(args[2]);
                java.util.List<String> machines = java.util.List.of(args[3].split(","));
                long from = Long.parseLong(args[4]);
                int rounds = Integer.parseInt(args[6]);
                long[] elapsedMs = new long[rounds];
                RebuildReport report = null;
                for (int round = 0; round < rounds; round++) {
                    long start = from + round * 3_600L;
                    dev.fray.sdk.synth.SyntheticChannel.appendEvents(work, new dev.fray.sdk.synth.SyntheticChannel.Spec(
                            Long.parseLong(args[5]) + round, events, machines.size(), 12, start, 90), machines,
                            start);
                    Thread.sleep(5); // the appended logs' mtimes are after the build
                    long c0 = System.nanoTime();
                    report = Rebuilder.rebuildIfStale(w);
                    elapsedMs[round] = (System.nanoTime() - c0) / 1_000_000;
                    if (report.how() != RebuildReport.How.CATCH_UP) {
                        break;
                    }
                }
                Path full = Path.of(args[1] + "-catchup-full");
                copyFresh(work, full);
                Rebuilder.rebuild(ChannelPaths.ofProjectRoot(full), true);
                boolean same = CacheDump.digest(w.cacheDb())
                        .equals(CacheDump.digest(ChannelPaths.ofProjectRoot(full).cacheDb()));
                detail = report.how() + (report.fullRebuildReason() == null ? "" : " (" + report.fullRebuildReason()
                        + ")") + ", " + (same ? "verified" : "DIFFERS FROM A FULL REBUILD");
                long[] later = java.util.Arrays.copyOfRange(elapsedMs, 1, rounds);
                java.util.Arrays.sort(later);
                long steady = later.length == 0 ? -1 : later[later.length / 2];
                System.out.println(elapsedMs[0] + " " + peakHeap() + " " + steady + " " + detail);
                return;
            }
            default -> throw new IllegalArgumentException("unknown measurement " + what);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(elapsedMs + " " + peakHeap() + " " + detail);
    }

    /** Copies a channel's logs and config (not its cache) to {@code to}, replacing what was there. */
    private static void copyFresh(Path from, Path to) throws java.io.IOException {
        if (Files.exists(to)) {
            try (java.util.stream.Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (java.util.stream.Stream<Path> s = Files.walk(from.resolve(".fray"))) {
            for (Path p : s.toList()) {
                String rel = from.relativize(p).toString();
                if (rel.contains("fray.db") || rel.contains("fray-jvm-index")) {
                    continue;
                }
                Path dest = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
