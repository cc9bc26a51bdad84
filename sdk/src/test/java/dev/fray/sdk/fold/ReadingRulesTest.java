package dev.fray.sdk.fold;

import static dev.fray.sdk.fold.FoldRulesV2Test.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.cache.rows.QuestionRow;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.LineScanner;
import dev.fray.sdk.read.ReadWarning;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line reading rules (reference §3.1 plus fray-jvm's warnings), end to end through a fold. */
class ReadingRulesTest {

    @TempDir
    Path root;

    private List<String> bodies(CollectingSink sink) {
        return sink.of(MessageRow.class).stream().map(MessageRow::body).sorted().toList();
    }

    @Test
    void truncatedTailIsDroppedWithAWarning() throws Exception {
        TestChannel c = new TestChannel(root);
        Path file = c.paths.rootLog(LogFile.MESSAGES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, msg("msg-1", "x", "kept", 1) + "\n" + msg("msg-2", "x", "torn", 2));
        CollectingSink sink = c.fold(StorageVersion.V1);
        assertEquals(List.of("kept"), bodies(sink));
        List<ReadWarning> w = c.lastResult.read().warnings();
        assertEquals(1, w.size(), w::toString);
        assertEquals(file.toString(), w.get(0).file());
        assertEquals(2, w.get(0).line());
        assertTrue(w.get(0).message().contains("truncated"));
    }

    @Test
    void tornTailAfterWhitespaceDropsTheLastNonBlankLine() throws Exception {
        TestChannel c = new TestChannel(root);
        Path file = c.paths.rootLog(LogFile.MESSAGES);
        Files.createDirectories(file.getParent());
        Files.writeString(file, msg("msg-1", "x", "a", 1) + "\n\n" + msg("msg-2", "x", "b", 2) + "\n  \t");
        assertEquals(List.of("a"), bodies(c.fold(StorageVersion.V1)));
        assertEquals(3, c.lastResult.read().warnings().get(0).line());
    }

    @Test
    void badLinesAreSkippedAndReportedWithFileAndLine() throws Exception {
        TestChannel c = new TestChannel(root).v1(LogFile.MESSAGES,
                msg("msg-1", "x", "good", 1),
                "{not json",
                "[1,2]",
                "{\"id\":\"msg-3\"}",
                "{\"type\":\"message\",\"id\":\"msg-4\",\"from_agent\":\"x\",\"body\":\"frac\",\"ts\":1.5}",
                "{\"type\":\"message\",\"id\":\"msg-5\",\"from_agent\":\"x\",\"body\":\"b\",\"mentions\":[1],\"ts\":1}",
                "",
                "{\"type\":\"message\",\"id\":\"msg-6\",\"from_agent\":7,\"body\":\"b\",\"ts\":1}",
                "{\"type\":\"message\",\"id\":\"msg-7\",\"from_agent\":\"x\",\"body\":\"b\",\"ts\":1e3}",
                "{\"type\":\"message\",\"id\":\"msg-8\",\"from_agent\":\"x\",\"body\":\"b\",\"ts\":99999999999999999999}",
                "{\"type\":\"message\",\"id\":\"msg-9\"} trailing",
                "{\"type\":\"message\",\"id\":\"msg-10\",\"from_agent\":\"x\",\"body\":\"also good\",\"ts\":2,\"unknown_key\":1.5}");
        CollectingSink sink = c.fold(StorageVersion.V1);
        assertEquals(List.of("also good", "good"), bodies(sink));
        List<ReadWarning> w = c.lastResult.read().warnings();
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 11L), w.stream().map(ReadWarning::line).toList(),
                w::toString);
        String file = c.paths.rootLog(LogFile.MESSAGES).toString();
        assertTrue(w.stream().allMatch(x -> x.file().equals(file)));
        assertTrue(w.get(3).message().contains("\"ts\""), w.get(3).message());
    }

    @Test
    void lineOverTenMiBIsSkippedAndReadingGoesOn() throws Exception {
        TestChannel c = new TestChannel(root);
        Path file = c.paths.rootLog(LogFile.MESSAGES);
        Files.createDirectories(file.getParent());
        String head = "{\"type\":\"message\",\"id\":\"msg-big\",\"from_agent\":\"x\",\"ts\":1,\"body\":\"";
        String tail = "\"}";
        int pad = LineScanner.MAX_LINE_BYTES + 1 - head.length() - tail.length();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((msg("msg-1", "x", "before", 1) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] a = new byte[pad];
            Arrays.fill(a, (byte) 'a');
            out.write(a);
            out.write((tail + "\n").getBytes(StandardCharsets.UTF_8));
            out.write((msg("msg-2", "x", "after", 2) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("after", "before"), bodies(c.fold(StorageVersion.V1)));
        List<ReadWarning> w = c.lastResult.read().warnings();
        assertEquals(1, w.size());
        assertEquals(2, w.get(0).line());
        assertTrue(w.get(0).message().contains("10 MiB"));

        // exactly 10 MiB is still a line; the oversized one is indexed but delivered without bytes
        List<String> seen = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            LineScanner.scan(ch, (lineNumber, index, offset, length, buf, oversized) ->
                    seen.add(lineNumber + ":" + index + ":" + length + ":" + oversized));
        }
        assertEquals(3, seen.size());
        assertEquals("2:1:" + (LineScanner.MAX_LINE_BYTES + 1) + ":true", seen.get(1));
    }

    @Test
    void blankLinesAreSkippedAndNotIndexed() throws Exception {
        Path file = root.resolve("x.jsonl");
        Files.writeString(file, "{\"a\":1}\n\n   \n\t\r\n{\"b\":2}\n");
        List<String> seen = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            LineScanner.Result r = LineScanner.scan(ch, (lineNumber, index, offset, length, buf, oversized) ->
                    seen.add(lineNumber + ":" + index + ":" + offset + ":" + new String(buf, 0, length)));
            assertEquals(0, r.droppedTailLine());
        }
        assertEquals(List.of("1:0:0:{\"a\":1}", "5:1:16:{\"b\":2}"), seen);
    }

    @Test
    void unknownTypesAreCountedPerType() throws Exception {
        TestChannel c = new TestChannel(root).v1(LogFile.MESSAGES, "{\"type\":\"bogus\"}", "{\"type\":\"bogus\",\"x\":1}",
                "{\"type\":\"future_thing\"}", msg("msg-1", "x", "ok", 1));
        c.fold(StorageVersion.V1);
        assertEquals(Map.of("bogus", 2L, "future_thing", 1L), c.lastResult.read().unknownTypes());
        assertTrue(c.lastResult.read().warnings().isEmpty());
        assertEquals(1L, c.lastResult.read().recordsPerFile().get(c.paths.rootLog(LogFile.MESSAGES).toString()));
    }

    @Test
    void conflictCopiesAreNotReadButReported() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", LogFile.MESSAGES, msg("msg-1", "x", "real", 1));
        Path syncthing = c.paths.machineDir("a").resolve("messages.sync-conflict-20260101-120000-ABCDEFG.jsonl");
        Path dropbox = c.paths.machineDir("a").resolve("messages (Bob's conflicted copy 2026-01-01).jsonl");
        Path root1 = c.paths.frayDir().resolve("questions.sync-conflict-20260101-120000-XYZ.jsonl");
        c.append(syncthing, msg("msg-2", "x", "conflict", 2));
        c.append(dropbox, msg("msg-3", "x", "conflict", 3));
        c.append(root1, "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"r\",\"from_agent\":\"x\",\"created_at\":1}");
        CollectingSink sink = c.fold(StorageVersion.V2);
        assertEquals(List.of("real"), bodies(sink));
        assertTrue(sink.of(QuestionRow.class).isEmpty());
        assertEquals(List.of(root1, dropbox, syncthing), c.lastResult.read().conflictCopies());
    }

    @Test
    void v1DropsUpdatesForUnknownIdsButKeepsDeletesSticky() throws Exception {
        TestChannel c = new TestChannel(root).v1(LogFile.MESSAGES,
                "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"too early\"}",
                "{\"type\":\"message_delete\",\"id\":\"msg-2\",\"ts\":7}",
                msg("msg-1", "x", "one", 1), msg("msg-2", "x", "two", 2),
                "{\"type\":\"message_update\",\"id\":\"msg-2\",\"body\":\"revived?\",\"archived_at\":null}")
                .v1(LogFile.QUESTIONS,
                        "{\"type\":\"question_update\",\"guid\":\"qstn-1\",\"status\":\"closed\"}",
                        "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"r\",\"from_agent\":\"x\",\"created_at\":1}");
        CollectingSink sink = c.fold(StorageVersion.V1);
        Map<String, MessageRow> rows = new java.util.HashMap<>();
        sink.of(MessageRow.class).forEach(m -> rows.put(m.guid(), m));
        assertEquals("one", rows.get("msg-1").body());
        assertEquals("[deleted]", rows.get("msg-2").body());
        assertEquals(7L, rows.get("msg-2").archivedAt());
        assertEquals(null, rows.get("msg-1").origin());
        assertEquals("unasked", sink.of(QuestionRow.class).get(0).status());
    }
}
