package dev.fray.sdk.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.integrity.IntegrityLedger;
import dev.fray.sdk.integrity.IntegrityVerifier;
import dev.fray.sdk.integrity.LedgerEntry;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.testing.JavaProcess;
import dev.fray.sdk.testing.SessionWriterMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link ChannelWriter} as a session that holds its files open between appends: real OS processes and threads
 * appending through open sessions at once, files removed, rotated or replaced underneath an open session, a lock held
 * by util-linux {@code flock}, and the integrity ledger a session writes lazily.
 */
class WriterSessionTest {

    @TempDir
    Path root;

    private ChannelPaths v2Channel() throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2\n}\n");
        Files.createFile(paths.v2Sentinel());
        MachineInit.init(paths, "box");
        return paths;
    }

    private static Message message(ChannelWriter w, String agent, String body) {
        return MessageDraft.of(agent, body).toMessage("ch-session", w.clock());
    }

    private static List<JsonNode> wholeLines(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), log + " ends inside a line");
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                out.add(FrayJson.mapper().readTree(line)); // throws on a torn or mixed line
            }
        }
        return out;
    }

    @Test
    void twoProcessesWithOpenSessionsInterleaveWholeLinesWithDistinctIncreasingSeqs() throws Exception {
        ChannelPaths paths = v2Channel();
        int perWriter = 200;
        Path go = root.resolve("go");
        List<Process> writers = new ArrayList<>();
        for (String agent : List.of("ann", "bob")) {
            writers.add(JavaProcess.start(SessionWriterMain.class, root.resolve(agent + ".out"),
                    paths.frayDir().toString(), agent, Integer.toString(perWriter), go.toString()));
        }
        for (String agent : List.of("ann", "bob")) {
            awaitOutput(root.resolve(agent + ".out"), "ready");
        }
        Files.createFile(go); // both sessions are open: start appending together
        for (Process p : writers) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer did not finish");
            assertEquals(0, p.exitValue(), "writer failed: " + Files.readString(Path.of(root + "/ann.out.err"))
                    + Files.readString(Path.of(root + "/bob.out.err")));
        }

        Set<Long> seqs = new HashSet<>();
        for (JsonNode line : wholeLines(paths.machineLog("box", LogFile.AGENT_STATE))) {
            assertTrue(seqs.add(line.get("seq").asLong()), "seq handed out twice: " + line);
        }
        Map<String, Long> lastN = new HashMap<>();
        Map<String, Long> lastSeq = new HashMap<>();
        List<JsonNode> messages = wholeLines(paths.machineLog("box", LogFile.MESSAGES));
        assertEquals(2 * perWriter, messages.size(), "every post is a whole line");
        int switches = 0;
        String previousAgent = null;
        for (JsonNode m : messages) {
            long seq = m.get("seq").asLong();
            assertTrue(seqs.add(seq), "seq " + seq + " handed out twice");
            String[] body = m.get("body").asText().split(" ");
            long n = Long.parseLong(body[1]);
            Long before = lastN.put(body[0], n);
            assertEquals(before == null ? 0 : before + 1, n, body[0] + "'s posts land in order");
            Long seqBefore = lastSeq.put(body[0], seq);
            assertTrue(seqBefore == null || seq > seqBefore, body[0] + "'s seqs increase");
            if (previousAgent != null && !previousAgent.equals(body[0])) {
                switches++;
            }
            previousAgent = body[0];
        }
        assertTrue(switches >= 2, "the two sessions appended interleaved, not one after the other: " + switches);

        // Both sessions closed: their ledger writes merged to a claim over every byte of both logs.
        Map<String, LedgerEntry> ledger = IntegrityLedger.readLocked(paths, "box");
        for (LogFile file : List.of(LogFile.MESSAGES, LogFile.AGENT_STATE)) {
            Path log = paths.machineLog("box", file);
            assertEquals(Files.size(log), ledger.get(file.fileName()).bytes(), file + " fully covered after close");
        }
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"));
    }

    @Test
    void threadsSharingOneSessionWriteWholeLinesWithDistinctSeqsInTheirOrder() throws Exception {
        ChannelPaths paths = v2Channel();
        int threads = 4;
        int perThread = 40;
        List<Throwable> failures = new ArrayList<>();
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            List<Thread> started = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String agent = "t" + t;
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = 0; n < perThread; n++) {
                            w.post(message(w, agent, agent + " " + n));
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                thread.start();
                started.add(thread);
            }
            for (Thread thread : started) {
                thread.join();
            }
        }
        assertEquals(List.of(), failures);
        List<JsonNode> messages = wholeLines(paths.machineLog("box", LogFile.MESSAGES));
        assertEquals(threads * perThread, messages.size());
        Set<Long> seqs = new HashSet<>();
        Map<String, Long> lastSeq = new HashMap<>();
        for (JsonNode m : messages) {
            long seq = m.get("seq").asLong();
            assertTrue(seqs.add(seq), "seq " + seq + " handed out twice");
            String agent = m.get("from_agent").asText();
            Long before = lastSeq.put(agent, seq);
            assertTrue(before == null || seq > before, agent + "'s seqs increase");
        }
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"));
    }

    @Test
    void aLogRemovedUnderAnOpenSessionIsCreatedAgainAtItsPath() throws Exception {
        ChannelPaths paths = v2Channel();
        Path log = paths.machineLog("box", LogFile.MESSAGES);
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(message(w, "opus", "one"));
            w.post(message(w, "opus", "two"));
            Files.delete(log);
            w.post(message(w, "opus", "three"));
            List<JsonNode> lines = wholeLines(log);
            assertEquals(1, lines.size(), "the append went to a new file at the path, not the removed one");
            assertEquals("three", lines.get(0).get("body").asText());
        }
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"), "the ledger follows the new file");
        assertEquals(Files.size(log), IntegrityLedger.readLocked(paths, "box").get("messages.jsonl").bytes());
    }

    @Test
    void aLogRotatedUnderAnOpenSessionIsNoticedAndTheRotatedFileLeftAlone() throws Exception {
        ChannelPaths paths = v2Channel();
        Path log = paths.machineLog("box", LogFile.MESSAGES);
        Path rotated = log.resolveSibling("messages.jsonl.1");
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(message(w, "opus", "one"));
            w.post(message(w, "opus", "two"));
            Files.move(log, rotated);
            Files.writeString(log, ""); // a new, empty log in its place
            w.post(message(w, "opus", "three"));
        }
        assertEquals(2, wholeLines(rotated).size(), "nothing was appended to the file that was moved away");
        List<JsonNode> lines = wholeLines(log);
        assertEquals(1, lines.size());
        assertEquals("three", lines.get(0).get("body").asText());
    }

    @Test
    void aCounterFileReplacedUnderAnOpenSessionIsReadFromItsPath() throws Exception {
        ChannelPaths paths = v2Channel();
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            long first = w.post(message(w, "opus", "one")).seq();
            // Another tool rewrites the file by temp file and rename: a new inode, the held descriptor is stale.
            DurableFiles.writeAtomically(paths.machineIdFile(),
                    "{\"id\":\"box\",\"seq\":1000,\"created_at\":1769000000}\n".getBytes(StandardCharsets.UTF_8));
            long next = w.post(message(w, "opus", "two")).seq();
            assertTrue(first < 1000);
            assertEquals(1001, next, "the draw read the file now at the path");
        }
    }

    @Test
    void anAppendThroughAnOpenSessionWaitsForAFlockHeldByTheFlockCommand() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v flock").start().waitFor() == 0,
                "util-linux flock command not installed");
        ChannelPaths paths = v2Channel();
        Path log = paths.machineLog("box", LogFile.MESSAGES);
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(message(w, "opus", "one")); // the session now holds the log open
            for (Path locked : List.of(log, paths.machineIdFile())) {
                Process holder = new ProcessBuilder("flock", "-x", locked.toString(), "-c", "echo locked; sleep 1")
                        .redirectErrorStream(true).start();
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                    assertEquals("locked", out.readLine(), "the flock command must report it holds the lock");
                    long start = System.nanoTime();
                    w.post(message(w, "opus", "while " + locked.getFileName() + " is locked"));
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    assertTrue(waited >= 500, "the append must wait for the flock on " + locked.getFileName()
                            + ", waited " + waited + " ms");
                    assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
                } finally {
                    holder.destroy();
                }
            }
        }
        assertEquals(3, wholeLines(log).size());
    }

    @Test
    void theLedgerIsAValidPrefixClaimWhileTheSessionIsOpenAndCompleteAfterClose() throws Exception {
        ChannelPaths paths = v2Channel();
        Path log = paths.machineLog("box", LogFile.MESSAGES);
        ChannelWriter w = ChannelWriter.open(paths);
        for (int i = 0; i < 5; i++) {
            w.post(message(w, "opus", "post " + i));
        }
        LedgerEntry open = IntegrityLedger.readLocked(paths, "box").get("messages.jsonl");
        assertTrue(open == null || open.bytes() <= Files.size(log), "no claim yet, or a prefix claim: " + open);
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"));
        w.close();
        assertEquals(Files.size(log), IntegrityLedger.readLocked(paths, "box").get("messages.jsonl").bytes());
        assertEquals(5, IntegrityLedger.readLocked(paths, "box").get("messages.jsonl").lines());
    }

    @Test
    void anOpenSessionUpdatesTheLedgerOnceAMebibyteIsUncovered() throws Exception {
        ChannelPaths paths = v2Channel();
        Path log = paths.machineLog("box", LogFile.MESSAGES);
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(message(w, "opus", "first"));
            List<Message> batch = new ArrayList<>();
            String pad = "x".repeat(500);
            for (int i = 0; i < 2500; i++) {
                batch.add(message(w, "opus", "import " + i + " " + pad));
            }
            w.appendAll(batch); // over 1 MiB: due at once, not at close
            LedgerEntry entry = IntegrityLedger.readLocked(paths, "box").get("messages.jsonl");
            assertEquals(Files.size(log), entry.bytes(), "the ledger covers the whole log while the writer is open");
            assertEquals(2501, entry.lines());
        }
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"));
    }

    @Test
    void aClosedWriterRefusesAppendsAndClosingTwiceIsHarmless() throws Exception {
        ChannelPaths paths = v2Channel();
        ChannelWriter w = ChannelWriter.open(paths);
        w.post(message(w, "opus", "one"));
        w.close();
        w.close();
        assertThrows(IllegalStateException.class, () -> w.post(message(w, "opus", "two")));
        assertEquals(1, wholeLines(paths.machineLog("box", LogFile.MESSAGES)).size());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void writersDroppedWithoutCloseDoNotLeakDescriptors() throws Exception {
        ChannelPaths paths = v2Channel();
        Path fds = Path.of("/proc/self/fd");
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(message(w, "opus", "warm")); // JNA and every class loaded before counting
        }
        long before = countEntries(fds);
        for (int i = 0; i < 40; i++) {
            ChannelWriter dropped = ChannelWriter.open(paths);
            dropped.post(message(dropped, "opus", "dropped " + i)); // holds ~4 descriptors, never closed
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long now = countEntries(fds);
        while (now > before + 10 && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
            now = countEntries(fds);
        }
        assertTrue(now <= before + 10, "descriptors of unreachable writers are released: " + before + " -> " + now);
        assertEquals(List.of(), IntegrityVerifier.verifyMachine(paths, "box"));
    }

    private static long countEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.count();
        }
    }

    private static void awaitOutput(Path out, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("child did not print '" + text + "': " + Files.readString(Path.of(out + ".err")));
    }
}
