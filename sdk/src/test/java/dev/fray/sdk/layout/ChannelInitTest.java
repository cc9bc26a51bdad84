package dev.fray.sdk.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.identity.MachineExistsException;
import dev.fray.sdk.identity.MachineIdFile;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.model.StorageVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelInitTest {

    @TempDir
    Path root;

    @Test
    void createsAV2ChannelThisMachineHasJoined() throws IOException {
        ChannelPaths paths = ChannelInit.createMultiMachine(root, "team", "laptop",
                Clock.fixed(Instant.parse("2026-11-25T10:00:00.5Z"), ZoneOffset.UTC));

        assertEquals(StorageVersion.V2, StorageVersions.detectForOpen(paths));
        FrayConfig config = FrayConfig.read(paths);
        assertEquals("team", config.channelName().orElseThrow());
        assertTrue(config.channelId().orElseThrow().matches("ch-[0-9a-z]{8}"));
        assertEquals("2026-11-25T10:00:00Z", config.createdAt().orElseThrow());
        assertEquals("laptop", MachineIdFile.requireId(paths));
        assertTrue(Files.isDirectory(paths.machineDir("laptop")));
        assertTrue(Files.readString(paths.gitignore()).contains("local/"));
        assertEquals(paths, ProjectLocator.locate(root.resolve(".fray/shared")));
    }

    @Test
    void refusesAnExistingChannelAndASecondMachineWithTheSameId() throws IOException {
        ChannelPaths paths = ChannelInit.createMultiMachine(root, "team", "laptop");
        assertThrows(IOException.class, () -> ChannelInit.createMultiMachine(root, "again", "server"));
        Files.delete(paths.machineIdFile()); // a second checkout of the same synced channel
        assertThrows(MachineExistsException.class, () -> MachineInit.init(paths, "laptop"));
        assertEquals("server", MachineInit.init(paths, "server").id());
    }
}
