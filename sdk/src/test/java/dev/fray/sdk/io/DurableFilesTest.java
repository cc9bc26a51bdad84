package dev.fray.sdk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {

    @TempDir
    Path dir;

    private List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeAtomicallyCreatesAndReplacesLeavingNoTempFiles() throws Exception {
        Path target = dir.resolve("nested/deeper/config.json");
        DurableFiles.writeAtomically(target, "one\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\n", Files.readString(target));
        DurableFiles.writeAtomically(target, "two\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("two\n", Files.readString(target));
        assertEquals(List.of("config.json"), names(target.getParent()));
    }

    @Test
    void replaceWithoutSyncAlsoReplacesAtomically() throws Exception {
        Path target = dir.resolve("ledger.json");
        DurableFiles.replaceWithoutSync(target, "a".getBytes(StandardCharsets.UTF_8));
        DurableFiles.replaceWithoutSync(target, "b".getBytes(StandardCharsets.UTF_8));
        assertEquals("b", Files.readString(target));
        assertEquals(List.of("ledger.json"), names(dir));
    }

    @Test
    void createAtomicallyNeverOverwrites() throws Exception {
        Path target = dir.resolve("local/machine-id");
        assertTrue(DurableFiles.createAtomically(target, "first\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(DurableFiles.createAtomically(target, "second\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("first\n", Files.readString(target));
        assertEquals(List.of("machine-id"), names(target.getParent()));
    }

    @Test
    void fsyncDirectoryWorksOnARealDirectory() throws Exception {
        DurableFiles.fsyncDirectory(dir); // must not throw on Linux/macOS
        Path created = dir.resolve("a/b/c");
        DurableFiles.createDirectoriesDurably(created);
        assertTrue(Files.isDirectory(created));
        DurableFiles.createDirectoriesDurably(created); // idempotent
    }
}
