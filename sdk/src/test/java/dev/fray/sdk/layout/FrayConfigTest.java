package dev.fray.sdk.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrayConfigTest {

    @TempDir
    Path root;

    private static final String ORIGINAL = """
            {
              "version": 1,
              "channel_id": "ch-xkzte3i1",
              "future_setting": {"nested": [1, 2]},
              "channel_name": "demo",
              "known_agents": {
                "usr-1": {"name": "alice", "status": "active", "nicks": ["al"]}
              },
              "machine_aliases": {"old": "laptop"},
              "zzz_unknown": true
            }
            """;

    @Test
    void readsTypedValuesAndKeepsUnknownKeysInOrderOnMerge() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        Files.writeString(paths.config(), ORIGINAL);

        FrayConfig config = FrayConfig.read(paths);
        assertEquals(1, config.version().getAsLong());
        assertTrue(config.storageVersion().isEmpty());
        assertEquals("ch-xkzte3i1", config.channelId().orElseThrow());
        assertEquals("demo", config.channelName().orElseThrow());
        assertEquals(Map.of("old", "laptop"), config.machineAliases());
        assertEquals("alice", config.knownAgents().get("usr-1").get("name").asText());

        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.put("storage_version", 2);
        patch.putObject("machine_aliases").put("desk", "");
        ObjectNode agent = patch.putObject("known_agents").putObject("usr-1");
        agent.putNull("name");              // null never wins
        agent.put("status", "retired");     // non-null wins

        FrayConfig.update(paths, c -> c.merge(patch));

        String written = Files.readString(paths.config());
        assertEquals("""
                {
                  "version": 1,
                  "storage_version": 2,
                  "channel_id": "ch-xkzte3i1",
                  "future_setting": {
                    "nested": [
                      1,
                      2
                    ]
                  },
                  "channel_name": "demo",
                  "known_agents": {
                    "usr-1": {
                      "name": "alice",
                      "status": "retired",
                      "nicks": [
                        "al"
                      ]
                    }
                  },
                  "machine_aliases": {
                    "desk": "",
                    "old": "laptop"
                  },
                  "zzz_unknown": true
                }
                """, written);
        FrayConfig reread = FrayConfig.read(paths);
        assertEquals(Map.of("old", "laptop", "desk", ""), reread.machineAliases());
        assertEquals(2, reread.storageVersion().getAsLong());
    }

    @Test
    void writesLikeGoEncodingJson() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        FrayConfig config = FrayConfig.empty().merge((ObjectNode) JsonNodeFactory.instance.objectNode()
                .put("channel_name", "a<b>&c\u2028")
                .put("version", 1)
                .set("sync", JsonNodeFactory.instance.objectNode()));
        config.write(paths);
        assertEquals("{\n  \"version\": 1,\n  \"channel_name\": \"a\\u003cb\\u003e\\u0026c\\u2028\",\n"
                + "  \"sync\": {}\n}\n", Files.readString(paths.config()));
    }

    @Test
    void updateWithoutChangeDoesNotWrite() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        FrayConfig.update(paths, c -> c);
        assertFalse(Files.exists(paths.config()));
        FrayConfig.update(paths, c -> c.withMachineAlias("a", "b"));
        assertEquals(Map.of("a", "b"), FrayConfig.read(paths).machineAliases());
    }

    @Test
    void wrongTypesAreAClearErrorNamingTheFile() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        Files.writeString(paths.config(), "{\"storage_version\": \"two\"}");
        ConfigFormatException e = assertThrows(ConfigFormatException.class, () -> FrayConfig.read(paths));
        assertTrue(e.getMessage().contains(paths.config().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("storage_version"), e.getMessage());
        Files.writeString(paths.config(), "[1]");
        assertThrows(ConfigFormatException.class, () -> FrayConfig.read(paths));
        Files.writeString(paths.config(), "{\"version\": 1,");
        assertThrows(ConfigFormatException.class, () -> FrayConfig.read(paths));
    }
}
