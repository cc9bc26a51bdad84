//SOURCES lib/FraySdk.java
//MAIN fray_bench
// (//MAIN is explicit because the SDK sources jbang compiles in also hold a main class: the bench worker.)

import dev.fray.sdk.bench.Benchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The performance harness: thin argument parsing around dev.fray.sdk.bench.Benchmark. */
@Command(name = "fray-bench", mixinStandardHelpOptions = true, version = "fray-bench (fray-jvm)",
        description = "Generate seeded multi-machine channels and measure the floor (parse every line + bulk insert), "
                + "the full rebuild (ratio to the floor, peak heap, events/s) and durable appends.")
class fray_bench implements Callable<Integer> {

    @Option(names = "--events", split = ",", description = "Channel sizes in events (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000,1000000")
    List<Integer> sizes;

    @Option(names = "--machines", defaultValue = "10", description = "Machines per channel (default: ${DEFAULT-VALUE}).")
    int machines;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per figure; the median is printed (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--heap", defaultValue = "512m", description = "-Xmx of each measured JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--appends", defaultValue = "200", description = "Single appends to time (default: ${DEFAULT-VALUE}).")
    int appends;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--appends-only", description = "Measure only the appends (no channels generated, no rebuilds).")
    boolean appendsOnly;

    @Option(names = "--work-dir", description = "Where generated channels are kept and reused (default: a temp dir).")
    Path workDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new fray_bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("fray-bench");
        Benchmark benchmark = new Benchmark(new Benchmark.Options(seed, sizes, machines, runs, heap, appends, dir),
                System.out);
        if (appendsOnly) {
            benchmark.runAppends();
        } else {
            benchmark.run();
        }
        return 0;
    }
}
