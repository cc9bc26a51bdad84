package dev.fray.sdk.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.synth.SyntheticChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event index is written on a thread of its own while the cache is finished. When that write fails, the rebuild
 * reports it (the same error, naming the file), leaves no thread and no temp file behind, the cache is complete all
 * the same, and the next rebuild is a full one rather than a catch-up on an index that does not match the cache.
 */
class IndexWriteFailureTest {

    @TempDir
    Path root;

    @Test
    void aFailedIndexWriteIsReportedAndTheNextRebuildIsFull() throws Exception {
        SyntheticChannel.generate(root, SyntheticChannel.Spec.of(7, 3000, 3));
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        RebuildReport reference = Rebuilder.rebuild(paths, true);

        // the index cannot be renamed into place: a non-empty directory has its name
        Path index = paths.eventIndex();
        Files.delete(index);
        Files.createDirectories(index.resolve("blocker"));
        IOException failure = assertThrows(IOException.class, () -> Rebuilder.rebuild(paths, true));
        assertTrue(failure.getMessage().contains(index.getFileName().toString()), failure.toString());
        assertEquals(List.of(), helperThreads(), "threads left running");
        assertEquals(List.of(), tempFiles(paths), "temp files left behind");
        RebuildReport after = Rebuilder.rebuildIfStale(paths);
        assertEquals(RebuildReport.How.UP_TO_DATE, after.how(), "the cache itself was rebuilt and committed");
        assertEquals(reference.rowsPerTable(), after.rowsPerTable());

        Files.delete(index.resolve("blocker"));
        Files.delete(index);
        Path log = paths.machineLog(reference.machines().get(0), LogFile.MESSAGES);
        Files.setLastModifiedTime(log, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // stale again
        RebuildReport next = Rebuilder.rebuildIfStale(paths);
        assertEquals(RebuildReport.How.FULL, next.how(), next.fullRebuildReason());
        assertEquals(reference.rowsPerTable(), next.rowsPerTable());
    }

    private static List<String> helperThreads() {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("fray-") && t.isAlive()) {
                left.add(t.getName());
            }
        }
        return left;
    }

    private static List<Path> tempFiles(ChannelPaths paths) throws IOException {
        try (Stream<Path> files = Files.list(paths.eventIndex().getParent())) {
            return files.filter(f -> f.getFileName().toString().contains(".tmp")).toList();
        }
    }
}
