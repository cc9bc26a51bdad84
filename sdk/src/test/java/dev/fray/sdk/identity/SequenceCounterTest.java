package dev.fray.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.testing.JavaProcess;
import dev.fray.sdk.testing.SequenceDrawMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.json.FrayJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceCounterTest {

    @TempDir
    Path root;

    ChannelPaths paths;

    @BeforeEach
    void setUp() {
        paths = ChannelPaths.ofProjectRoot(root);
    }

    private static final Optional<String> BOOT_A = Optional.of("aaaaaaaa-0000-4000-8000-000000000001");
    private static final Optional<String> BOOT_B = Optional.of("bbbbbbbb-0000-4000-8000-000000000002");

    private long draw(Optional<String> boot) throws Exception {
        return SequenceCounter.reserve(paths, 1, Clock.systemUTC(), boot);
    }

    @Test
    void drawsFromOneAndKeepsFraysKeysFirst() throws Exception {
        MachineInit.init(paths, "laptop");
        assertEquals(1, SequenceCounter.next(paths));
        assertEquals(2, SequenceCounter.next(paths));
        assertEquals(3, SequenceCounter.reserve(paths, 5));
        assertEquals(8, SequenceCounter.next(paths));
        String content = Files.readString(paths.machineIdFile());
        // fray reads id, seq and created_at and ignores the rest (reference §1.5)
        assertTrue(content.matches("\\{\"id\":\"laptop\",\"seq\":8,\"created_at\":\\d+(,\"fray_jvm_anchor\":.*)?}\n"),
                content);
        assertEquals(8, MachineIdFile.read(paths).orElseThrow().seq());
    }

    @Test
    void withoutABootIdTheFileIsExactlyFraysFormat() throws Exception {
        MachineInit.init(paths, "laptop");
        assertEquals(1, draw(BOOT_A));
        assertEquals(2, draw(Optional.empty()));
        String content = Files.readString(paths.machineIdFile());
        assertTrue(content.matches("\\{\"id\":\"laptop\",\"seq\":2,\"created_at\":\\d+}\n"), content);
        assertEquals(3, draw(BOOT_A), "a file without the anchor was written durably: trusted");
        assertTrue(Files.readString(paths.machineIdFile()).contains("\"boot\":\"" + BOOT_A.get() + "\""));
    }

    /**
     * An OS crash after the counter's last fsync (the anchor) loses later counter writes while the appends, which are
     * fsynced, survive. The next boot must continue above every number in the logs, reading only what was appended
     * after the anchor.
     */
    @Test
    void afterACrashedBootNumbersResumeAboveTheLogsReadingOnlyTheirTails() throws Exception {
        MachineInit.init(paths, "desk");
        Path messages = paths.machineDir("desk").resolve("messages.jsonl");
        Files.createDirectories(messages.getParent());
        // a line before the anchor that no draw can have produced: proves only the tail after the anchor is read
        Files.writeString(messages, "{\"type\":\"message\",\"seq\":9999}\n");
        assertEquals(1, draw(BOOT_A)); // the anchor: sizes recorded, fsynced
        byte[] atAnchor = Files.readAllBytes(paths.machineIdFile());
        for (int i = 0; i < 40; i++) {
            long seq = draw(BOOT_A); // not fsynced
            Path log = paths.machineDir("desk").resolve(i % 2 == 0 ? "messages.jsonl" : "threads.jsonl");
            Files.writeString(log, "{\"type\":\"x\",\"seq\":" + seq + "}\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        Files.writeString(paths.runtimeLog(), "{\"type\":\"agent\",\"seq\":45}\n{\"type\":\"agent\",\"se",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND); // a torn last line too
        Files.write(paths.machineIdFile(), atAnchor); // what the disk held after the crash
        assertEquals(2, draw(BOOT_A), "same boot: the page cache cannot have lost anything, the file is trusted");
        Files.write(paths.machineIdFile(), atAnchor);
        assertEquals(46, draw(BOOT_B), "next boot: above the highest seq appended since the anchor, not 9999");
        assertEquals(47, draw(BOOT_B));
    }

    @Test
    void aLogRewrittenShorterThanItsAnchorSizeIsReadInFull() throws Exception {
        MachineInit.init(paths, "desk");
        Path messages = paths.machineDir("desk").resolve("messages.jsonl");
        Files.createDirectories(messages.getParent());
        Files.writeString(messages, "{\"type\":\"message\",\"seq\":1,\"body\":\"a long line to make it longer\"}\n");
        assertEquals(1, draw(BOOT_A));
        Files.writeString(messages, "{\"seq\":70}\n"); // replaced by something shorter (a sync tool, an editor)
        assertEquals(71, draw(BOOT_B));
    }

    @Test
    void anchorsAgainEveryFewThousandNumbersSoATailStaysShort() throws Exception {
        MachineInit.init(paths, "laptop");
        long last = 0;
        for (int i = 0; i < SequenceCounter.ANCHOR_EVERY + 10; i++) {
            last = draw(BOOT_A);
        }
        JsonNode anchor = FrayJson.mapper().readTree(Files.readAllBytes(paths.machineIdFile())).get("fray_jvm_anchor");
        assertTrue(anchor.get("seq").asLong() > SequenceCounter.ANCHOR_EVERY / 2,
                "re-anchored: " + anchor + " after " + last);
        assertTrue(last - anchor.get("seq").asLong() < SequenceCounter.ANCHOR_EVERY);
    }

    @Test
    void aDamagedAnchorRecoversFromTheWholeLogs() throws Exception {
        MachineInit.init(paths, "desk");
        Files.createDirectories(paths.machineDir("desk"));
        Files.writeString(paths.machineDir("desk").resolve("messages.jsonl"), "{\"seq\":30}\n");
        Files.writeString(paths.machineIdFile(), "{\"id\":\"desk\",\"seq\":3,\"created_at\":5,"
                + "\"fray_jvm_anchor\":{\"boot\":\"" + BOOT_A.get() + "\",\"seq\":\"x\"}}\n");
        assertEquals(31, draw(BOOT_A));
    }

    @Test
    void missingMachineIdIsFraysError() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SequenceCounter.next(paths));
        assertTrue(e.getMessage().contains("local machine id not set"), e.getMessage());
        assertTrue(!Files.exists(paths.machineIdFile()), "a failed draw must not create the file");
    }

    @Test
    void recoversFromDamagedFileWithTheHighestSeqInTheMachineLogs() throws Exception {
        Files.createDirectories(paths.machineDir("desk"));
        Files.writeString(paths.machineDir("desk").resolve("messages.jsonl"),
                "{\"type\":\"message\",\"id\":\"msg-1\",\"seq\":41}\n"
                + "{\"type\":\"message\",\"id\":\"msg-2\",\"seq\":7}\n"
                + "garbage {\"seq\":999\n"
                + "{\"type\":\"message\",\"seq\":\"1000\"}\n");
        Files.writeString(paths.machineDir("desk").resolve("threads.jsonl"),
                "{\"type\":\"thread_delete\",\"seq\":57}\n");
        Files.writeString(paths.machineDir("desk").resolve("notes.txt"), "{\"seq\":5000}\n");
        Files.createDirectories(paths.machineDir("other"));
        Files.writeString(paths.machineDir("other").resolve("messages.jsonl"), "{\"seq\":100000}\n");
        Files.createDirectories(paths.localDir());
        // truncated mid-write, seq lost: the id is salvaged by scanning the raw text
        Files.writeString(paths.machineIdFile(), "{\"id\":\"desk\",\"seq\":12");

        assertEquals(58, SequenceCounter.next(paths));
        MachineIdentity repaired = MachineIdFile.read(paths).orElseThrow();
        assertEquals(new MachineIdentity("desk", 58, repaired.createdAt()), repaired);
        assertTrue(repaired.createdAt() > 1_700_000_000L, "created_at is set to now when it was 0");

        Files.writeString(paths.machineIdFile(), "{\"id\":\"desk\",\"seq\":\"oops\",\"created_at\":5}\n");
        assertEquals(58, SequenceCounter.next(paths), "non-integer seq recovers from the logs again");
        assertEquals(5, MachineIdFile.read(paths).orElseThrow().createdAt());
    }

    @Test
    void fileWithoutAnyIdIsAnError() throws Exception {
        Files.createDirectories(paths.localDir());
        Files.writeString(paths.machineIdFile(), "{\"seq\":3}");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> SequenceCounter.next(paths));
        assertTrue(e.getMessage().contains("machine-id missing id"), e.getMessage());
    }

    /**
     * Separate JVMs draw concurrently, two through counter sessions holding the file open and one opening it per draw:
     * all numbers distinct, each process strictly increasing, no gaps.
     */
    @Test
    void concurrentProcessesDrawDistinctIncreasingNumbers() throws Exception {
        MachineInit.init(paths, "laptop");
        int processes = 3;
        int draws = 200;
        List<Process> running = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            Path out = root.resolve("draws-" + p + ".txt");
            outputs.add(out);
            running.add(JavaProcess.start(SequenceDrawMain.class, out, paths.frayDir().toString(),
                    String.valueOf(draws), p < 2 ? "session" : "per-draw"));
        }
        Set<Long> all = new HashSet<>();
        for (int p = 0; p < processes; p++) {
            assertTrue(running.get(p).waitFor(120, TimeUnit.SECONDS), "drawing process timed out");
            assertEquals(0, running.get(p).exitValue(),
                    Files.readString(Path.of(outputs.get(p) + ".err"), StandardCharsets.UTF_8));
            List<Long> numbers = Files.readAllLines(outputs.get(p)).stream().map(Long::parseLong).toList();
            assertEquals(draws, numbers.size());
            for (int i = 1; i < numbers.size(); i++) {
                assertTrue(numbers.get(i) > numbers.get(i - 1), "process " + p + " not strictly increasing at " + i);
            }
            for (long n : numbers) {
                assertTrue(all.add(n), "number " + n + " handed out twice");
            }
        }
        assertEquals(processes * draws, all.size());
        assertEquals(1L, all.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals((long) processes * draws, all.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertEquals(processes * draws, MachineIdFile.read(paths).orElseThrow().seq());
    }

    /**
     * A counter session interleaved with open-per-draw draws and with fray rewriting the file in place (same inode,
     * no anchor, a higher number): every draw is above the one before, and the session takes fray's number as fray's
     * rule says, then anchors again.
     */
    @Test
    void aSessionInterleavesWithPerDrawDrawsAndFraysInPlaceRewrites() throws Exception {
        MachineInit.init(paths, "laptop");
        try (CounterSession session = new CounterSession(paths, Clock.systemUTC(), BOOT_A)) {
            assertEquals(1, session.reserve(1));
            assertEquals(2, draw(BOOT_A));
            assertEquals(3, session.reserve(3));
            assertEquals(6, draw(BOOT_A));
            try (var channel = java.nio.channels.FileChannel.open(paths.machineIdFile(),
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap("{\"id\":\"laptop\",\"seq\":500,\"created_at\":1769000000}\n"
                        .getBytes(StandardCharsets.UTF_8))); // fray's GetNextSequence: truncate, write, same file
            }
            assertEquals(501, session.reserve(1));
            assertTrue(Files.readString(paths.machineIdFile()).contains("fray_jvm_anchor"), "anchored again");
            assertEquals(502, draw(BOOT_A));
            assertEquals(503, session.reserve(1));
        }
        assertEquals(503, MachineIdFile.read(paths).orElseThrow().seq());
    }

    @Test
    void aSessionDrawFailsLikeFrayWhenTheFileIsRemoved() throws Exception {
        MachineInit.init(paths, "laptop");
        try (CounterSession session = CounterSession.open(paths)) {
            assertEquals(1, session.reserve(1));
            Files.delete(paths.machineIdFile());
            java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                    () -> session.reserve(1));
            assertTrue(e.getMessage().contains("local machine id not set"), e.getMessage());
        }
    }
}
