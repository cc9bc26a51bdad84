package dev.fray.sdk.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.identity.SequenceCounter;
import dev.fray.sdk.integrity.IntegrityVerifier;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.testing.JavaProcess;
import dev.fray.sdk.testing.PostLoopMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real writer processes killed with SIGKILL at random moments in the middle of appending, several rounds over the same
 * channel, two writers at a time. Afterwards: every line but possibly the last of each log is a whole record, every
 * {@code seq} is unique and each writer's are strictly increasing, the counter resumes above all of them, and the
 * integrity ledger still verifies. (An OS crash cannot be produced in a test; {@code SequenceCounterTest} covers what
 * the disk may hold after one.)
 */
class KilledWriterTest {

    @TempDir
    Path root;

    @Test
    void writersKilledMidAppendLeaveUniqueIncreasingSeqsAndNoTornLinesButTheLast() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2\n}\n");
        Files.createFile(paths.v2Sentinel());
        MachineInit.init(paths, "box");
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random rnd = new Random(seed);
        String replay = " (seed " + seed + ", replay with -Dfray.seed=" + seed + ")";
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            List<Process> writers = new ArrayList<>();
            for (String agent : List.of("ann" + round, "bob" + round)) {
                writers.add(JavaProcess.start(PostLoopMain.class, root.resolve(agent + ".out"),
                        paths.frayDir().toString(), agent));
            }
            for (int w = 0; w < writers.size(); w++) {
                awaitReady(root.resolve((w == 0 ? "ann" : "bob") + round + ".out"), writers.get(w));
            }
            Thread.sleep(50 + rnd.nextInt(300));
            for (Process p : writers) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
                Thread.sleep(rnd.nextInt(40));
            }
            for (Process p : writers) {
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
        }

        Map<String, Long> lastNumberByAgent = new HashMap<>();
        Map<String, Long> lastSeqByAgent = new HashMap<>();
        Set<Long> seqs = new HashSet<>();
        long maxSeq = 0;
        int messages = 0;
        for (LogFile file : List.of(LogFile.MESSAGES, LogFile.AGENT_STATE)) {
            Path log = paths.machineLog("box", file);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                boolean last = i == lines.length - 1;
                if (last) {
                    break; // the remainder after the final \n: empty, or a torn record every reader drops
                }
                JsonNode node = parse(lines[i], log, i, replay);
                long seq = node.get("seq").asLong();
                assertTrue(seqs.add(seq), "seq " + seq + " handed out twice" + replay);
                maxSeq = Math.max(maxSeq, seq);
                if (file == LogFile.MESSAGES) {
                    messages++;
                    String[] body = node.get("body").asText().split(" ");
                    String agent = body[0];
                    long n = Long.parseLong(body[1]);
                    Long previous = lastNumberByAgent.put(agent, n);
                    assertEquals(previous == null ? 0 : previous + 1, n, agent + "'s posts in order, none lost"
                            + replay);
                    Long previousSeq = lastSeqByAgent.put(agent, seq);
                    assertTrue(previousSeq == null || seq > previousSeq, agent + "'s seqs increase" + replay);
                }
            }
        }
        assertTrue(messages >= rounds * 2, "every writer posted at least once: " + messages);
        assertTrue(SequenceCounter.next(paths) > maxSeq, "the counter resumes above every persisted seq" + replay);
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"), "the ledger is a valid prefix claim");
    }

    private static JsonNode parse(String line, Path log, int index, String replay) {
        try {
            return FrayJson.mapper().readTree(line);
        } catch (IOException e) {
            return fail(log.getFileName() + " line " + (index + 1) + " is torn but not last" + replay + ": " + line);
        }
    }

    private static void awaitReady(Path out, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("ready")) {
                return;
            }
            if (!p.isAlive()) {
                fail("writer exited early: " + Files.readString(Path.of(out + ".err")));
            }
            Thread.sleep(20);
        }
        fail("writer did not start in time");
    }
}
