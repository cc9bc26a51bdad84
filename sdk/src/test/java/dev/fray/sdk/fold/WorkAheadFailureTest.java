package dev.fray.sdk.fold;

import static dev.fray.sdk.fold.FoldRulesV2Test.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.RowSink;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.LogAddress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures while the fold works ahead on other threads: a reading or decoding failure reaches the caller as the same
 * error the one-thread fold gives (type and message, naming the file), a failure of the fold's own thread stops the
 * helpers, and an interrupted fold ends with {@link InterruptedIOException}; on every path no helper thread is left.
 */
class WorkAheadFailureTest {

    @TempDir
    Path root;

    @AfterEach
    void noHelperThreadLeft() {
        List<String> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("fray-fold-") && t.isAlive()) {
                left.add(t.getName());
            }
        }
        assertEquals(List.of(), left, "helper threads still running");
    }

    /** A channel with enough lines for several hand-over batches in both passes. */
    private ChannelPaths channel() throws IOException {
        TestChannel c = new TestChannel(root);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(msg("msg-" + i, "ag" + (i % 7), "body " + i, 1_700_000_000L + i));
        }
        c.machine("laptop", LogFile.MESSAGES, lines.toArray(String[]::new));
        c.machine("desk", LogFile.MESSAGES, lines.subList(0, 500).toArray(String[]::new));
        return c.paths;
    }

    @Test
    void aLogThatCannotBeReadFailsTheSameWayWithOrWithoutWorkingAhead() throws Exception {
        ChannelPaths paths = channel();
        Path broken = paths.machineLog("laptop", LogFile.MESSAGES);
        DirectoryStorageBackend backend = new DirectoryStorageBackend(paths) {
            @Override
            public SeekableByteChannel openForRead(LogAddress log) throws IOException {
                if (pathOf(log).equals(broken)) {
                    throw new IOException(broken + ": Input/output error");
                }
                return super.openForRead(log);
            }
        };
        IOException single = assertThrows(IOException.class, () -> fold(backend, false));
        IOException ahead = assertThrows(IOException.class, () -> fold(backend, true));
        assertEquals(single.getClass(), ahead.getClass());
        assertEquals(single.getMessage(), ahead.getMessage());
        assertTrue(ahead.getMessage().contains(broken.toString()), ahead.getMessage());
    }

    @Test
    void aLogTruncatedBetweenThePassesFailsTheSameWayWithOrWithoutWorkingAhead() throws Exception {
        ChannelPaths paths = channel();
        Path log = paths.machineLog("laptop", LogFile.MESSAGES);
        byte[] content = Files.readAllBytes(log);
        List<Throwable> errors = new ArrayList<>();
        for (boolean workAhead : new boolean[] {false, true}) {
            Files.write(log, content);
            // pass 1 opens the log once; the next open is pass 2's: cut the log in half just before it
            Map<Path, Integer> opens = new HashMap<>();
            DirectoryStorageBackend backend = new DirectoryStorageBackend(paths) {
                @Override
                public SeekableByteChannel openForRead(LogAddress address) throws IOException {
                    Path p = pathOf(address);
                    if (p.equals(log) && opens.merge(p, 1, Integer::sum) == 2) {
                        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                            ch.truncate(ch.size() / 2);
                        }
                    }
                    return super.openForRead(address);
                }
            };
            errors.add(assertThrows(IOException.class, () -> fold(backend, workAhead)));
        }
        assertEquals(errors.get(0).getClass(), errors.get(1).getClass());
        assertEquals(errors.get(0).getMessage(), errors.get(1).getMessage());
        assertTrue(errors.get(1).getMessage().contains(log + " shrank"), errors.get(1).getMessage());
    }

    @Test
    void aFailureOfTheFoldingThreadStopsTheDecoder() throws Exception {
        ChannelPaths paths = channel();
        IllegalStateException sinkFailure = new IllegalStateException("cache writer failed");
        int[] rows = new int[1];
        RowSink failing = row -> {
            if (++rows[0] == 100) {
                throw sinkFailure; // early: the decoder is still far from done
            }
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ChannelFold.run(new DirectoryStorageBackend(paths), StorageVersion.V2, failing, null, true));
        assertEquals(sinkFailure, thrown);
        // the @AfterEach check: no fray-fold-decoder left
    }

    @Test
    void anInterruptedFoldEndsWithInterruptedIoAndLeavesNoThread() throws Exception {
        ChannelPaths paths = channel();
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class,
                    () -> ChannelFold.run(new DirectoryStorageBackend(paths), StorageVersion.V2, row -> { }, null,
                            true));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
    }

    private static FoldResult fold(DirectoryStorageBackend backend, boolean workAhead) throws IOException {
        return ChannelFold.run(backend, StorageVersion.V2, new CollectingSink(), null, workAhead);
    }
}
