package dev.fray.sdk.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.identity.MachineIdFile;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.MixedLayoutException;
import dev.fray.sdk.layout.StorageVersions;
import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.StorageVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrates a copy of the real fray v1 channel and checks every promise of the migration on it. */
class FixtureMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void migratesTheRealChannel() throws Exception {
        ChannelPaths paths = Channels.fixtureCopy(root);
        byte[] agentsV1 = Files.readAllBytes(paths.rootLog(LogFile.AGENTS));
        JsonNode configV1 = JSON.readTree(Files.readAllBytes(paths.config()));

        MigrationResult result = V1ToV2Migration.migrate(paths, "laptop");

        // The three logs: byte-identical copies.
        for (LogFile log : List.of(LogFile.MESSAGES, LogFile.THREADS, LogFile.QUESTIONS)) {
            assertArrayEquals(Files.readAllBytes(Channels.FIXTURE.resolve(log.fileName())),
                    Files.readAllBytes(paths.machineLog("laptop", log)), log.fileName());
        }
        assertEquals(List.of("messages.jsonl", "threads.jsonl", "questions.jsonl"), result.copiedLogs());

        // agents.jsonl: every line exactly once, in original relative order, routed by RecordType.v2File().
        List<String> original = lines(agentsV1);
        List<String> state = lines(Files.readAllBytes(paths.machineLog("laptop", LogFile.AGENT_STATE)));
        List<String> runtime = lines(Files.readAllBytes(paths.runtimeLog()));
        int descriptorsAdded = result.descriptorsAdded().size();
        List<String> movedState = state.subList(0, state.size() - descriptorsAdded);
        List<String> appended = state.subList(state.size() - descriptorsAdded, state.size());
        assertEquals(original.size(), movedState.size() + runtime.size());
        int s = 0;
        int r = 0;
        for (String line : original) {
            RecordType type = RecordType.fromWireName(JSON.readTree(line).path("type").asText(null));
            if (type != null && type.v2File() == LogFile.AGENT_STATE) {
                assertEquals(line, movedState.get(s++));
            } else {
                assertEquals(line, runtime.get(r++));
            }
        }
        assertTrue(s > 0 && r > 0, "the fixture has both kinds: " + s + " state, " + r + " runtime lines");
        assertEquals(s, result.agentStateLines());
        assertEquals(r, result.runtimeLines());

        // Descriptors: one per distinct author of messages.jsonl not already described, sorted, earliest ts.
        Set<String> described = new HashSet<>();
        for (String line : movedState) {
            JsonNode n = JSON.readTree(line);
            if ("agent_descriptor".equals(n.path("type").asText())) {
                described.add(n.path("agent_id").asText());
            }
        }
        java.util.Map<String, Long> earliest = new java.util.TreeMap<>();
        for (String line : lines(Files.readAllBytes(paths.machineLog("laptop", LogFile.MESSAGES)))) {
            JsonNode n = JSON.readTree(line);
            if ("message".equals(n.path("type").asText()) && !described.contains(n.path("from_agent").asText())) {
                earliest.merge(n.path("from_agent").asText(), n.path("ts").asLong(), Math::min);
            }
        }
        assertTrue(earliest.size() > 5, "fixture authors: " + earliest.keySet());
        assertEquals(new ArrayList<>(earliest.keySet()), result.descriptorsAdded());
        assertEquals(earliest.size(), appended.size());
        long seq = 1;
        for (String line : appended) {
            AgentDescriptor d = (AgentDescriptor) RecordCodec.decode(line);
            assertEquals(earliest.get(d.agentId()), d.ts(), d.agentId());
            assertEquals(seq++, d.seq());
            assertEquals("laptop", d.origin());
        }
        assertEquals(earliest.size(), MachineIdFile.read(paths).orElseThrow().seq(), "counter ends at the last seq");

        // Commit point, renames, config, gitignore.
        assertTrue(Files.exists(paths.v2Sentinel()));
        assertEquals(0, Files.size(paths.v2Sentinel()));
        for (LogFile log : LogFile.LEGACY_V1) {
            assertFalse(Files.exists(paths.rootLog(log)), log.fileName());
            assertArrayEquals(Files.readAllBytes(Channels.FIXTURE.resolve(log.fileName())),
                    Files.readAllBytes(paths.migratedLegacyLog(log)));
        }
        ObjectNode configV2 = (ObjectNode) JSON.readTree(Files.readAllBytes(paths.config()));
        assertEquals(2, configV2.path("storage_version").asInt());
        configV2.remove("storage_version");
        assertEquals(configV1, configV2, "every other key kept");
        assertTrue(Files.readAllLines(paths.gitignore()).contains("local/"));
        assertFalse(Files.exists(paths.migrationJournal()));
        assertEquals(StorageVersion.V2, StorageVersions.detectForOpen(paths));

        assertThrows(AlreadyMigratedException.class, () -> V1ToV2Migration.migrate(paths, "other"));
    }

    @Test
    void crashBetweenSentinelAndRenameIsFixedByResume() throws Exception {
        ChannelPaths paths = Channels.fixtureCopy(root);
        V1ToV2Migration crashing = new V1ToV2Migration(paths, (step, detail) -> {
            if (step == MigrationStep.SENTINEL_WRITTEN) {
                throw new SimulatedCrash(step, detail);
            }
        }, Clock.systemUTC());
        assertThrows(SimulatedCrash.class, () -> crashing.migrate("laptop"));
        assertThrows(MixedLayoutException.class, () -> StorageVersions.detectForOpen(paths), "fray's open refuses");

        MigrationResult resumed = V1ToV2Migration.resume(paths);

        assertTrue(resumed.resumed());
        assertEquals("laptop", resumed.machineId());
        assertEquals(List.of("messages.jsonl", "threads.jsonl", "questions.jsonl", "agents.jsonl"),
                resumed.renamedLegacyLogs());
        assertTrue(resumed.configUpdated());
        assertEquals(StorageVersion.V2, StorageVersions.detectForOpen(paths));
        assertFalse(Files.exists(paths.migrationJournal()));
        MigrationResult again = V1ToV2Migration.resume(paths);
        assertEquals(List.of(), again.renamedLegacyLogs());
        assertFalse(again.configUpdated());
    }

    /** The lines without their terminators (the fixture has no blank lines). */
    private static List<String> lines(byte[] content) {
        List<String> out = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }
}
