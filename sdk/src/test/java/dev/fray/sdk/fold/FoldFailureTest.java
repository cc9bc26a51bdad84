package dev.fray.sdk.fold;

import static dev.fray.sdk.fold.FoldRulesV2Test.msg;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.LogAddress;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I/O failures of a fold are errors that name the log: one that cannot be read in pass 1, one that shrank between
 * the passes (pass 2 re-reads lines by the offsets pass 1 found).
 */
class FoldFailureTest {

    @TempDir
    Path root;

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
    void aLogThatCannotBeReadFailsTheFoldNamingIt() throws Exception {
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
        IOException e = assertThrows(IOException.class,
                () -> ChannelFold.run(backend, StorageVersion.V2, new CollectingSink()));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    @Test
    void aLogTruncatedBetweenThePassesFailsTheFoldNamingIt() throws Exception {
        ChannelPaths paths = channel();
        Path log = paths.machineLog("laptop", LogFile.MESSAGES);
        // pass 1 opens the log once; the next open is pass 2's: cut the log in half just before it
        int[] opens = new int[1];
        DirectoryStorageBackend backend = new DirectoryStorageBackend(paths) {
            @Override
            public SeekableByteChannel openForRead(LogAddress address) throws IOException {
                Path p = pathOf(address);
                if (p.equals(log) && ++opens[0] == 2) {
                    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        ch.truncate(ch.size() / 2);
                    }
                }
                return super.openForRead(address);
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> ChannelFold.run(backend, StorageVersion.V2, new CollectingSink()));
        assertTrue(e.getMessage().contains(log + " shrank"), e.getMessage());
    }
}
