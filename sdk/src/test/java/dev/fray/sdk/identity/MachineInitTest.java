package dev.fray.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineInitTest {

    @TempDir
    Path root;

    @Test
    void createsMachineDirectoryIdFileAndGitignore() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        MachineIdentity identity = MachineInit.init(paths, "laptop");
        assertEquals("laptop", identity.id());
        assertEquals(0, identity.seq());
        assertTrue(Files.isDirectory(paths.machineDir("laptop")));
        assertEquals("{\"id\":\"laptop\",\"seq\":0,\"created_at\":" + identity.createdAt() + "}\n",
                Files.readString(paths.machineIdFile()));
        assertTrue(Files.readString(paths.gitignore()).contains("local/\n"));
        assertEquals(identity, MachineIdFile.read(paths).orElseThrow());
    }

    @Test
    void refusesAnIdAnotherMachineAlreadyUses() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.machineDir("Desk"));
        MachineExistsException e = assertThrows(MachineExistsException.class, () -> MachineInit.init(paths, "desk"));
        assertTrue(e.getMessage().contains("machine id already exists"), e.getMessage());
        assertTrue(!Files.exists(paths.machineIdFile()));
        assertThrows(MachineExistsException.class, () -> MachineInit.init(paths, "Desk"));
    }

    @Test
    void neverOverwritesAnExistingMachineIdFile() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        MachineInit.init(paths, "laptop");
        SequenceCounter.next(paths);
        AlreadyJoinedException e = assertThrows(AlreadyJoinedException.class, () -> MachineInit.init(paths, "other"));
        assertTrue(e.getMessage().contains("\"laptop\""), e.getMessage());
        assertEquals(1, MachineIdFile.read(paths).orElseThrow().seq());
        assertTrue(!Files.exists(paths.machineDir("other")));
    }

    @Test
    void validatesTheId() {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        assertThrows(InvalidMachineIdException.class, () -> MachineInit.init(paths, "../escape"));
        assertTrue(!Files.exists(paths.frayDir()));
    }
}
