package dev.fray.sdk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.testing.AppendMain;
import dev.fray.sdk.testing.JavaProcess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogAppenderTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createsDirectoriesAndAppendsInOrder() throws Exception {
        Path log = dir.resolve("shared/machines/laptop/messages.jsonl");
        LogAppender.AppendResult first = LogAppender.appendRecord(log, utf8("{\"a\":1}\n"));
        LogAppender.AppendResult second = LogAppender.appendRecords(log, List.of(utf8("{\"b\":2}\n"), utf8("{\"c\":3}\n")));
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(0, first.offset());
        assertEquals(8, second.offset());
        assertEquals(2, second.records());
        assertEquals("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", Files.readString(log));
    }

    @Test
    void batchBufferIsOneWriteAndCountsRecords() throws Exception {
        Path log = dir.resolve("threads.jsonl");
        ByteBuffer batch = ByteBuffer.wrap(utf8("{\"x\":1}\n{\"x\":2}\n{\"x\":3}\n"));
        LogAppender.AppendResult result = LogAppender.appendBatch(log, batch);
        assertEquals(3, result.records());
        assertEquals(24, result.length());
        assertEquals(0, batch.position(), "the caller's buffer is not consumed");
    }

    @Test
    void rejectsRecordsThatAreNotExactlyOneLine() {
        Path log = dir.resolve("m.jsonl");
        assertThrows(IllegalArgumentException.class, () -> LogAppender.appendRecord(log, utf8("{\"a\":1}")));
        IllegalArgumentException inner = assertThrows(IllegalArgumentException.class,
                () -> LogAppender.appendRecord(log, utf8("{\"a\":\n1}\n")));
        assertTrue(inner.getMessage().contains("newline inside"), inner.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogAppender.appendRecord(log, utf8("\n")));
        assertThrows(IllegalArgumentException.class, () -> LogAppender.appendRecords(log, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> LogAppender.appendBatch(log, ByteBuffer.wrap(utf8("{}\n\n{}\n"))));
        assertThrows(IllegalArgumentException.class,
                () -> LogAppender.appendBatch(log, ByteBuffer.wrap(utf8("{}\n{}"))));
        assertFalse(Files.exists(log), "nothing may be written for a rejected record");
    }

    @Test
    void underLockHookSeesTheAppendedBytesAtTheirOffset() throws Exception {
        Path log = dir.resolve("q.jsonl");
        Files.writeString(log, "{\"old\":1}\n");
        long[] seenOffset = new long[1];
        String[] seen = new String[1];
        LogAppender.appendBatch(log, ByteBuffer.wrap(utf8("{\"new\":2}\n")), (file, offset, records) -> {
            seenOffset[0] = offset;
            byte[] copy = new byte[records.remaining()];
            records.get(copy);
            seen[0] = new String(copy, StandardCharsets.UTF_8);
            assertTrue(Flock.tryExclusive(file).isEmpty(), "the hook runs while the log is still locked");
        });
        assertEquals(10, seenOffset[0]);
        assertEquals("{\"new\":2}\n", seen[0]);
    }

    /**
     * Separate JVMs append 64 KiB and 1 MiB records to one file: every line must be one whole record of one
     * writer, and each writer's records must appear complete and in order.
     */
    @Test
    void concurrentProcessesNeverTearOrInterleaveLargeRecords() throws Exception {
        Path log = dir.resolve("big.jsonl");
        record Job(String tag, int size, int count) {
        }
        List<Job> jobs = List.of(new Job("alpha", 64 * 1024, 40), new Job("bravo", 64 * 1024, 40),
                new Job("charlie", 1024 * 1024, 5), new Job("delta", 1024 * 1024, 5));
        List<Process> processes = new java.util.ArrayList<>();
        for (Job job : jobs) {
            processes.add(JavaProcess.start(AppendMain.class, dir.resolve(job.tag() + ".out"), log.toString(),
                    String.valueOf(job.size()), String.valueOf(job.count()), job.tag()));
        }
        for (int i = 0; i < processes.size(); i++) {
            Path stderr = dir.resolve(jobs.get(i).tag() + ".out.err");
            assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "writer timed out");
            assertEquals(0, processes.get(i).exitValue(), () -> readQuietly(stderr));
        }
        Pattern shape = Pattern.compile("\\{\"w\":\"([a-z]+)\",\"i\":(\\d+),\"pad\":\"([a-z]*)\"}");
        Map<String, Integer> nextIndex = new HashMap<>();
        Map<String, Job> byTag = new HashMap<>();
        jobs.forEach(j -> byTag.put(j.tag(), j));
        byte[] content = Files.readAllBytes(log);
        assertEquals('\n', content[content.length - 1]);
        String[] lines = new String(content, StandardCharsets.US_ASCII).split("\n");
        assertEquals(jobs.stream().mapToInt(Job::count).sum(), lines.length, "line count");
        for (String line : lines) {
            Matcher m = shape.matcher(line);
            assertTrue(m.matches(), "torn or mixed line starting " + line.substring(0, Math.min(60, line.length())));
            String tag = m.group(1);
            int index = Integer.parseInt(m.group(2));
            Job job = byTag.get(tag);
            assertEquals(job.size(), line.length() + 1, "record size of " + tag + " #" + index);
            assertEquals(new String(AppendMain.record(tag, index, job.size()), StandardCharsets.US_ASCII),
                    line + "\n", "content of " + tag + " #" + index);
            assertEquals(nextIndex.getOrDefault(tag, 0), index, "order of " + tag);
            nextIndex.put(tag, index + 1);
        }
        jobs.forEach(j -> assertEquals(j.count(), nextIndex.get(j.tag()), "records of " + j.tag()));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
