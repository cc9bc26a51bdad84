package dev.fray.sdk.fold;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes real channel files in a temp directory for fold tests. */
final class TestChannel {

    final ChannelPaths paths;

    TestChannel(Path root) {
        this.paths = ChannelPaths.ofProjectRoot(root);
    }

    /** Appends lines (each newline-terminated) to a machine's shared log. */
    TestChannel machine(String machine, LogFile file, String... lines) throws IOException {
        return append(paths.machineLog(machine, file), lines);
    }

    TestChannel runtime(String... lines) throws IOException {
        return append(paths.runtimeLog(), lines);
    }

    TestChannel v1(LogFile file, String... lines) throws IOException {
        return append(paths.rootLog(file), lines);
    }

    static TestChannel append(TestChannel c, Path file, String... lines) throws IOException {
        return c.append(file, lines);
    }

    TestChannel append(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    CollectingSink fold(StorageVersion version) throws IOException {
        CollectingSink sink = new CollectingSink();
        lastResult = ChannelFold.run(paths, version, sink);
        return sink;
    }

    FoldResult lastResult;
}
