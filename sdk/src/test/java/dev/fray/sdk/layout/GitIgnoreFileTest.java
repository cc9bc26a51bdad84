package dev.fray.sdk.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitIgnoreFileTest {

    @TempDir
    Path root;

    @Test
    void createsTheFileWithEveryEntry() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        assertEquals(GitIgnoreFile.REQUIRED, GitIgnoreFile.ensure(paths));
        assertEquals("*.db\n*.db-wal\n*.db-shm\nlocal/\n", Files.readString(paths.gitignore()));
        assertEquals(List.of(), GitIgnoreFile.ensure(paths));
    }

    @Test
    void appendsOnlyMissingEntriesAndKeepsContent() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        Files.writeString(paths.gitignore(), "# mine\ndaemon.lock\n  *.db  \n*.db-shm");
        assertEquals(List.of("*.db-wal", "local/"), GitIgnoreFile.ensure(paths));
        assertEquals("# mine\ndaemon.lock\n  *.db  \n*.db-shm\n*.db-wal\nlocal/\n", Files.readString(paths.gitignore()));
    }
}
