package dev.fray.sdk.layout;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.model.StorageVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageVersionsTest {

    @TempDir
    Path root;

    /** config content ("-" = no file), sentinel present, expected version: fray's GetStorageVersion table. */
    @ParameterizedTest(name = "config={0} sentinel={1} -> v{2}")
    @CsvSource(delimiter = '|', value = {
        "-                                  | false | 1",
        "-                                  | true  | 2",
        "{\"version\":1}                      | false | 1",
        "{\"version\":1}                      | true  | 2",
        "{\"version\":1,\"storage_version\":2}  | false | 2",
        "{\"version\":1,\"storage_version\":2}  | true  | 2",
        "{\"version\":1,\"storage_version\":3}  | false | 2",
        "{\"version\":1,\"storage_version\":1}  | false | 1",
        "{\"version\":1,\"storage_version\":1}  | true  | 2",
        "{\"version\":1,\"storage_version\":0}  | true  | 2",
        "{not json                           | false | 1",
        "{not json                           | true  | 2",
        "{\"storage_version\":\"2\"}            | false | 1",
        "{\"storage_version\":2.0}            | true  | 2",
        "{\"storage_version\":2,\"channel_name\":5} | false | 1",
    })
    void detectFollowsFraysRule(String config, boolean sentinel, int expected) throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        if (!config.equals("-")) {
            Files.writeString(paths.config(), config);
        }
        if (sentinel) {
            Files.createFile(paths.v2Sentinel());
        }
        assertEquals(StorageVersion.fromConfigValue(expected), StorageVersions.detect(paths));
    }

    @Test
    void refusesSentinelWithLegacyLogsNamingThem() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        Files.createFile(paths.v2Sentinel());
        assertDoesNotThrow(() -> StorageVersions.checkNoLegacyMix(paths));
        Files.writeString(paths.frayDir().resolve("messages.jsonl"), "");
        Files.writeString(paths.frayDir().resolve("agents.jsonl"), "");
        Files.writeString(paths.frayDir().resolve("permissions.jsonl"), ""); // not legacy: stays at root in v2
        MixedLayoutException e = assertThrows(MixedLayoutException.class, () -> StorageVersions.detectForOpen(paths));
        assertEquals(2, e.legacyFiles().size());
        assertTrue(e.getMessage().contains("messages.jsonl, agents.jsonl"), e.getMessage());
        assertTrue(e.getMessage().contains("fray migrate --multi-machine"), e.getMessage());
    }

    @Test
    void legacyLogsWithoutSentinelAreAnOrdinaryV1Channel() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        Files.writeString(paths.frayDir().resolve("messages.jsonl"), "");
        assertEquals(StorageVersion.V1, StorageVersions.detectForOpen(paths));
    }
}
