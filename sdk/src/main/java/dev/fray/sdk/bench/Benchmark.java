package dev.fray.sdk.bench;

import dev.fray.sdk.identity.MachineIdFile;
import dev.fray.sdk.identity.MachineIdentity;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.synth.SyntheticChannel;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The performance harness: generates seeded v2 channels and prints, for each size, the floor ({@link FloorLoad}), our
 * full rebuild (median of {@code runs}, each in a fresh JVM with the given heap limit) with its ratio to the floor,
 * peak heap and events per second; then durable appends (single records, and one batch) against a raw
 * write-and-fsync of the same bytes ({@link #runAppends}). Run it through {@code scripts/fray-bench.java}.
 */
public final class Benchmark {

    /** What to measure. {@code sizes} are event counts; each gets its own generated channel. */
    public record Options(long seed, List<Integer> sizes, int machines, int runs, String heap, int appends,
            Path workDir) {
    }

    private final Options options;
    private final PrintStream out;

    public Benchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        out.printf("fray-jvm benchmark: seed %d, %d machines, %d runs per figure (median), worker heap %s, %d cores%n",
                options.seed(), options.machines(), options.runs(), options.heap(),
                Runtime.getRuntime().availableProcessors());
        out.printf("%n%-10s %-10s %10s %10s %7s %10s %12s%n", "events", "what", "median ms", "all runs", "ratio",
                "peak heap", "events/s");
        List<long[]> rebuildTimes = new ArrayList<>();
        for (int size : options.sizes()) {
            Path project = options.workDir().resolve("channel-" + size + "-" + options.seed());
            if (!Files.exists(project.resolve(".fray"))) {
                Files.createDirectories(project);
                SyntheticChannel.generate(project, new SyntheticChannel.Spec(options.seed(), size, options.machines(),
                        12, 1_767_225_600L, 90));
            }
            long[] floor = measure("floor", project);
            long[] rebuild = measure("rebuild", project);
            rebuildTimes.add(new long[] {size, rebuild[0]});
            row(size, "floor", floor, floor[0]);
            row(size, "rebuild", rebuild, floor[0]);
        }
        if (!rebuildTimes.isEmpty()) {
            int largest = options.sizes().get(options.sizes().size() - 1);
            Path project = options.workDir().resolve("channel-" + largest + "-" + options.seed());
            long rebuildMs = rebuildTimes.get(rebuildTimes.size() - 1)[1];
            catchUp(project, "1,000 new events from three machines", 1000, "machine-00,machine-01,machine-02",
                    1_767_225_600L + 30L * 86_400 * 12, rebuildMs, CATCH_UP_ROUNDS);
            catchUp(project, "offline machine syncs 10,000 old events", 10_000, "machine-03", 1_767_225_600L,
                    rebuildMs, 1);
        }
        if (rebuildTimes.size() > 1) {
            long[] small = rebuildTimes.get(0);
            long[] large = rebuildTimes.get(rebuildTimes.size() - 1);
            out.printf("%nscaling: %dx the events cost %.2fx the rebuild time%n", large[0] / small[0],
                    (double) large[1] / small[1]);
        }
        runAppends();
    }

    /** Rounds of arrivals per catch-up worker: the first catch-up of a process, then a running process's. */
    static final int CATCH_UP_ROUNDS = 6;

    /**
     * Catch-up after events arrive, in {@code rounds} rounds per worker JVM (each worker first rebuilds in full),
     * verified against a full rebuild at the end. Prints the median over workers of the first catch-up and, with
     * several rounds, of the median of the later ones.
     */
    private void catchUp(Path project, String what, int events, String machines, long fromEpochSeconds,
            long rebuildMs, int rounds) throws IOException, InterruptedException {
        long[] first = new long[options.runs()];
        long[] steady = new long[options.runs()];
        String detail = "";
        for (int i = 0; i < options.runs(); i++) {
            String[] parts = worker("catchup", project.toString(), Integer.toString(events), machines,
                    Long.toString(fromEpochSeconds), Long.toString(options.seed() + 1000 + events),
                    Integer.toString(rounds)).split(" ", 4);
            first[i] = Long.parseLong(parts[0]);
            steady[i] = Long.parseLong(parts[2]);
            detail = parts[3];
        }
        long firstMedian = median(first);
        out.printf("%ncatch-up, %s: first in a process %d ms (median of %d runs), %.2f%% of the full rebuild; %s%n", what, firstMedian,
                options.runs(), 100.0 * firstMedian / rebuildMs, detail);
        if (rounds > 1) {
            long steadyMedian = median(steady);
            out.printf("  the same again in a running process (rounds 2-%d, median): %d ms, %.2f%% of the full "
                    + "rebuild%n", rounds, steadyMedian, 100.0 * steadyMedian / rebuildMs);
        }
    }

    private String worker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap(), "-cp", System.getProperty("java.class.path"), BenchWorker.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IOException(args[0] + " failed in its worker JVM (exit " + p.exitValue() + "): " + line);
        }
        return line;
    }

    private void row(int size, String what, long[] m, long floorMs) {
        out.printf("%-10d %-10s %10d %10s %7.2f %9dM %12.0f%n", size, what, m[0], m[2] + ".." + m[3],
                (double) m[0] / floorMs, m[1] / (1024 * 1024), size * 1000.0 / m[0]);
    }

    /** Median elapsed, peak heap (max over runs), min, max. */
    private long[] measure(String what, Path project) throws IOException, InterruptedException {
        long[] elapsed = new long[options.runs()];
        long peak = 0;
        for (int i = 0; i < options.runs(); i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + options.heap(), "-cp", System.getProperty("java.class.path"),
                    BenchWorker.class.getName(), what, project.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IOException(what + " failed in its worker JVM (exit " + p.exitValue() + "): " + line);
            }
            String[] parts = line.split(" ", 3);
            elapsed[i] = Long.parseLong(parts[0]);
            peak = Math.max(peak, Long.parseLong(parts[1]));
        }
        long[] sorted = elapsed.clone();
        Arrays.sort(sorted);
        return new long[] {sorted[sorted.length / 2], peak, sorted[0], sorted[sorted.length - 1]};
    }

    /**
     * Durable appends against a raw open+write+fsync+close of the very same bytes, interleaved (each of ours is
     * followed by the raw write of the bytes it wrote) so both see the same disk and load.
     *
     * <p>Single messages go through one {@link ChannelWriter} session, opened once and appended to many times, as an
     * embedder or the watch loop uses it; {@value #WARM_UP_APPENDS} pairs are appended first and not counted, so the
     * figure is the steady state, not class loading and JIT compilation. Batches of {@code appends} messages go
     * through one {@link ChannelWriter#appendAll} call each, against one raw write of all their bytes: the first
     * batch (cold: the batch paths run for the first time) is reported on its own, then the medians of the next
     * {@value #WARMING_ROUNDS} rounds (code still being compiled) and of the {@value #WARMING_ROUNDS} after them (warm,
     * as in an importer that has written a few thousand records).
     * CPU time of the appending thread is printed next to wall time: on a shared host fsync latency swings, CPU time
     * much less.
     */
    public void runAppends() throws IOException {
        Path project = options.workDir().resolve("append-" + System.nanoTime());
        ChannelPaths paths = ChannelPaths.ofProjectRoot(project);
        Files.createDirectories(paths.sharedDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2\n}\n");
        Files.createFile(paths.v2Sentinel());
        dev.fray.sdk.identity.MachineInit.init(paths, "bench");
        Path raw = project.resolve("raw.jsonl");
        MachineIdentity id = MachineIdFile.read(paths).orElseThrow();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        try (ChannelWriter writer = ChannelWriter.open(paths)) {
            writer.post(MessageDraft.of("bench", "warm-up").toMessage("ch-bench", writer.clock()));
            int n = options.appends();
            long[] ours = new long[n];
            long[] oursCpu = new long[n];
            long[] rawTimes = new long[n];
            long[] rawCpu = new long[n];
            for (int i = -WARM_UP_APPENDS; i < n; i++) {
                var message = MessageDraft.of("bench", "append number " + i + " from " + id.id())
                        .toMessage("ch-bench", writer.clock());
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                var written = writer.append(message);
                long elapsed = System.nanoTime() - t0;
                long cpuElapsed = cpu.getCurrentThreadCpuTime() - c0;
                byte[] bytes = RecordCodec.encode(written);
                long rc0 = cpu.getCurrentThreadCpuTime();
                long rawElapsed = rawAppend(raw, bytes); // right after, the very same bytes
                long rawCpuElapsed = cpu.getCurrentThreadCpuTime() - rc0;
                if (i >= 0) {
                    ours[i] = elapsed;
                    oursCpu[i] = cpuElapsed;
                    rawTimes[i] = rawElapsed;
                    rawCpu[i] = rawCpuElapsed;
                }
            }
            long oursMedian = median(ours) / 1000;
            long rawMedian = median(rawTimes) / 1000;
            out.printf("%ndurable append of one message through a writer session (%d each after %d warm-up, median): "
                    + "fray-jvm %d us (CPU %d us), raw open+write+fsync+close %d us (CPU %d us), ratio %.2f%n", n,
                    WARM_UP_APPENDS, oursMedian, median(oursCpu) / 1000, rawMedian, median(rawCpu) / 1000,
                    (double) oursMedian / rawMedian);

            int rounds = BATCH_ROUNDS;
            long[] batchOurs = new long[rounds];
            long[] batchCpu = new long[rounds];
            long[] batchRaw = new long[rounds];
            long[] batchRawCpu = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                List<dev.fray.sdk.model.Message> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(MessageDraft.of("bench", "batch " + r + " number " + i + " from " + id.id())
                            .toMessage("ch-bench", writer.clock()));
                }
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<dev.fray.sdk.model.FrayRecord> written = writer.appendAll(batch);
                batchOurs[r] = System.nanoTime() - t0;
                batchCpu[r] = cpu.getCurrentThreadCpuTime() - c0;
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                written.forEach(w -> bytes.writeBytes(RecordCodec.encode(w)));
                long rc0 = cpu.getCurrentThreadCpuTime();
                batchRaw[r] = rawAppend(raw, bytes.toByteArray());
                batchRawCpu[r] = cpu.getCurrentThreadCpuTime() - rc0;
            }
            out.printf("batch append of %d messages in one appendAll call, %d rounds (medians): fray-jvm vs raw "
                    + "write+fsync of the same bytes%n", n, rounds);
            batchRow("round 1 (cold)", batchOurs, batchCpu, batchRaw, batchRawCpu, 0, 1, n);
            batchRow("rounds 2-" + (1 + WARMING_ROUNDS) + " (warming)", batchOurs, batchCpu, batchRaw, batchRawCpu, 1,
                    1 + WARMING_ROUNDS, n);
            batchRow("rounds " + (2 + WARMING_ROUNDS) + "-" + rounds + " (warm)", batchOurs, batchCpu, batchRaw,
                    batchRawCpu, 1 + WARMING_ROUNDS, rounds, n);
        }
    }

    private void batchRow(String what, long[] ours, long[] cpu, long[] raw, long[] rawCpu, int from, int to, int n) {
        long oursMedian = median(Arrays.copyOfRange(ours, from, to)) / 1000;
        long rawMedian = median(Arrays.copyOfRange(raw, from, to)) / 1000;
        out.printf("  %-22s fray-jvm %6d us (%5.1f us per message; CPU %5.1f us per message), raw %6d us (CPU %d us), "
                + "ratio %.2f%n", what, oursMedian, (double) oursMedian / n,
                median(Arrays.copyOfRange(cpu, from, to)) / 1000.0 / n, rawMedian,
                median(Arrays.copyOfRange(rawCpu, from, to)) / 1000, (double) oursMedian / rawMedian);
    }

    private static final int WARM_UP_APPENDS = 100;
    private static final int WARMING_ROUNDS = 10;
    private static final int BATCH_ROUNDS = 1 + 2 * WARMING_ROUNDS;

    private static long rawAppend(Path raw, byte[] bytes) throws IOException {
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        return System.nanoTime() - t0;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
