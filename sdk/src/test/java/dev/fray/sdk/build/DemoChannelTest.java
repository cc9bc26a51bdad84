package dev.fray.sdk.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo channel ({@code demo/channel/.fray}) is hand-made data that the README's first command rebuilds;
 * these checks keep it in fray's on-disk format (reference §1.3, §2) so the demo shows what real channels look like.
 */
class DemoChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChannelPaths DEMO = ChannelPaths.ofProjectRoot(RepoRoot.find().resolve("demo/channel"));

    @Test
    void isAMultiMachineChannelOfThreeMachines() throws IOException {
        JsonNode config = JSON.readTree(DEMO.config().toFile());
        assertEquals(1, config.path("version").asInt(), DEMO.config() + ": version");
        assertEquals(2, config.path("storage_version").asInt(), DEMO.config() + ": storage_version");
        assertTrue(config.path("channel_id").isTextual(), DEMO.config() + ": channel_id");
        assertTrue(Files.isRegularFile(DEMO.v2Sentinel()), DEMO.v2Sentinel() + " missing");
        assertEquals(Set.of("ci-runner", "laptop", "server"), machines());
    }

    @Test
    void everyLineIsAJsonObjectOfAKnownTypeInTheFileFrayRoutesItTo() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String machine : machines()) {
            Set<Long> machineSeqs = new HashSet<>();
            for (LogFile file : LogFile.SHARED_V2) {
                checkLog(machine, file, machineSeqs, problems);
            }
        }
        assertTrue(problems.isEmpty(), () -> "demo channel:\n  " + String.join("\n  ", problems));
    }

    private static void checkLog(String machine, LogFile file, Set<Long> machineSeqs, List<String> problems)
            throws IOException {
        Path path = DEMO.machineLog(machine, file);
        if (!Files.isRegularFile(path)) {
            problems.add(path + ": missing");
            return;
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            // fray drops an unterminated last line as torn (reference §3.1).
            problems.add(path + ": does not end with \\n");
        }
        String[] lines = text.split("\n", -1);
        long lastSeq = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            String where = path + ":" + (i + 1);
            String line = lines[i];
            if (line.isBlank()) {
                problems.add(where + ": blank line");
                continue;
            }
            if (line.matches(".*[<>&].*")) {
                problems.add(where + ": raw < > or & (fray's Go encoder writes \\u003c \\u003e \\u0026)");
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                problems.add(where + ": not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (!record.isObject() || !record.path("type").isTextual()) {
                problems.add(where + ": not an object with a string \"type\"");
                continue;
            }
            RecordType type = RecordType.fromWireName(record.get("type").asText());
            if (type == null) {
                problems.add(where + ": unknown type " + record.get("type"));
                continue;
            }
            if (type.v2File() != file) {
                problems.add(where + ": " + type.wireName() + " belongs in " + type.v2File().fileName());
            }
            if (type == RecordType.MESSAGE && !machine.equals(record.path("origin").asText())) {
                problems.add(where + ": message origin " + record.get("origin") + " is not the machine " + machine);
            }
            if (type.isSequencedByFray()) {
                // One counter per machine (local/machine-id), drawn at append time: unique and rising in each file.
                long seq = record.path("seq").asLong(-1);
                if (!record.path("seq").canConvertToLong() || seq <= lastSeq || !machineSeqs.add(seq)) {
                    problems.add(where + ": seq " + record.get("seq") + " is not a fresh, rising machine sequence");
                }
                lastSeq = Math.max(lastSeq, seq);
            } else if (record.has("seq")) {
                problems.add(where + ": fray gives " + type.wireName() + " no seq");
            }
        }
    }

    private static Set<String> machines() throws IOException {
        try (Stream<Path> dirs = Files.list(DEMO.machinesDir())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
