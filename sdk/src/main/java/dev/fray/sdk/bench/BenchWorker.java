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
            default -> throw new IllegalArgumentException("unknown measurement " + what);
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(elapsedMs + " " + peakHeap() + " " + detail);
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
