package dev.fray.sdk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.rebuild.RebuildReport;
import dev.fray.sdk.rebuild.Rebuilder;
import dev.fray.sdk.synth.SyntheticChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full rebuild gives the same cache every time, however its threads (reading, decoding, folding, writing) happen
 * to be scheduled: a generated channel is rebuilt several times and every cache has the same digest of all derived
 * rows ({@link CacheDump}). Seeded; {@code -Dfray.seed=N} replays a channel.
 */
class RebuildDeterminismTest {

    private static final int REBUILDS = 5;

    @TempDir
    Path root;

    @Test
    void everyRebuildGivesTheSameCache() throws Exception {
        long seed = Long.getLong("fray.seed", new Random().nextLong());
        String context = "seed " + seed + "; replay with -Dfray.seed=" + seed;
        SyntheticChannel.generate(root, SyntheticChannel.Spec.of(seed, 20_000, 4));
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        List<String> digests = new ArrayList<>();
        RebuildReport first = null;
        for (int i = 0; i < REBUILDS; i++) {
            RebuildReport report = Rebuilder.rebuild(paths, true);
            assertEquals(RebuildReport.How.FULL, report.how(), context);
            if (first == null) {
                first = report;
                assertTrue(report.rowsPerTable().getOrDefault("fray_messages", 0L) > 1000, context);
            }
            assertEquals(first.rowsPerTable(), report.rowsPerTable(), context);
            assertEquals(first.warnings(), report.warnings(), context);
            digests.add(CacheDump.digest(paths.cacheDb()));
        }
        assertEquals(1, digests.stream().distinct().count(), () -> context + ": " + digests);
    }
}
