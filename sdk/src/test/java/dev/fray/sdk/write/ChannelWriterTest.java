package dev.fray.sdk.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.integrity.IntegrityVerifier;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.Agent;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.model.MessagePin;
import dev.fray.sdk.model.MessageUpdate;
import dev.fray.sdk.model.QuestionUpdate;
import dev.fray.sdk.model.Reaction;
import dev.fray.sdk.model.ThreadUpdate;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_769_000_000L, 123_000_000), ZoneOffset.UTC);

    @TempDir
    Path root;

    private ChannelPaths v2Channel(String machine) throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2,\n"
                + "  \"machine_aliases\": {\n    \"oldbox\": \"server\"\n  }\n}\n");
        Files.createFile(paths.v2Sentinel());
        MachineInit.init(paths, machine);
        return paths;
    }

    /** Writers a test opened; closed after it (a writer is a session holding files open). */
    private final List<ChannelWriter> opened = new ArrayList<>();

    @AfterEach
    void closeWriters() {
        opened.forEach(ChannelWriter::close);
    }

    private ChannelWriter writer(ChannelPaths paths) throws IOException {
        return opened(ChannelWriter.open(paths, new DirectoryStorageBackend(paths), CLOCK));
    }

    private ChannelWriter opened(ChannelWriter writer) {
        opened.add(writer);
        return writer;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(FrayJson.mapper().readTree(line));
        }
        return out;
    }

    @Test
    void postStampsOriginSeqAndScopesMentionsThenDescribesTheAuthorOnce() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        ChannelWriter w = writer(paths);
        Set<String> agents = Set.of("opus", "sonnet", "alice");
        Message first = w.post(MessageDraft.of("alice",
                "@opus please look; @sonnet@server too, cc @opus@all and @sonnet@oldbox, mail bob@example.com")
                .withKnownAgents(agents).toMessage("ch-test", CLOCK));
        w.post(MessageDraft.of("alice", "@all standup").withKnownAgents(agents).toMessage("ch-test", CLOCK));

        assertEquals(List.of("opus@laptop", "sonnet@server", "opus@all", "sonnet@server"), first.mentions());
        assertEquals("laptop", first.origin());
        assertEquals(1_769_000_000L, first.ts());

        List<JsonNode> messages = lines(paths.machineLog("laptop", LogFile.MESSAGES));
        assertEquals(2, messages.size());
        JsonNode m0 = messages.get(0);
        assertEquals("message", m0.get("type").asText());
        assertEquals("laptop", m0.get("origin").asText());
        assertEquals(List.of("alice@laptop", "opus@laptop", "sonnet@laptop"),
                sorted(messages.get(1).get("mentions")), "@all expands to every known agent, scoped here");

        List<JsonNode> state = lines(paths.machineLog("laptop", LogFile.AGENT_STATE));
        assertEquals(1, state.size(), "one descriptor for the author, not one per post");
        assertEquals("agent_descriptor", state.get(0).get("type").asText());
        assertEquals("alice", state.get(0).get("agent_id").asText());
        assertEquals(1_769_000_000L, state.get(0).get("ts").asLong());

        long descriptorSeq = state.get(0).get("seq").asLong();
        long firstSeq = m0.get("seq").asLong();
        long secondSeq = messages.get(1).get("seq").asLong();
        assertTrue(descriptorSeq < firstSeq && firstSeq < secondSeq, "fresh, increasing seq per record");
        assertTrue(IntegrityVerifier.verifyMachine(paths, "laptop").isEmpty(), "the ledger follows every append");
    }

    @Test
    void recordsWithoutAnOrderingTimestampGetTsInTheirTypesUnit() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        ChannelWriter w = writer(paths);
        w.append(new QuestionUpdate("qstn-00000001", "closed", null, null, null, null, null, null, null, Map.of()));
        w.append(new ThreadUpdate("thrd-00000001", "renamed", null, null, null, null, null, null, null, null, null,
                Map.of()));
        w.append(new MessageUpdate("msg-00000001", null, null, null, false, Map.of("👍", List.of("opus")), null,
                null, null, null, Map.of()));
        w.append(new Reaction("msg-00000001", "opus", "ack", 1_769_000_000_500L, null, null, Map.of()));

        JsonNode q = lines(paths.machineLog("laptop", LogFile.QUESTIONS)).get(0);
        assertEquals(1_769_000_000L, q.get("ts").asLong(), "question_update: seconds");
        JsonNode t = lines(paths.machineLog("laptop", LogFile.THREADS)).get(0);
        assertEquals(1_769_000_000L, t.get("ts").asLong());
        assertNull(t.get("last_activity_at"), "the thread's activity time is not touched");
        List<JsonNode> msgs = lines(paths.machineLog("laptop", LogFile.MESSAGES));
        assertEquals(1_769_000_000L, msgs.get(0).get("ts").asLong(), "reaction-only message_update");
        assertNull(msgs.get(1).get("ts"), "a reaction already has reacted_at");
        assertEquals(1_769_000_000_500L, msgs.get(1).get("reacted_at").asLong());
        for (JsonNode n : List.of(q, t, msgs.get(0), msgs.get(1))) {
            assertEquals("laptop", n.get("origin").asText());
            assertTrue(n.get("seq").asLong() > 0);
        }
    }

    @Test
    void routesPinsToThreadsAndRuntimeToLocalAndNeverWritesLegacyLogs() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        ChannelWriter w = writer(paths);
        List<FrayRecord> written = w.appendAll(List.of(
                new MessagePin("msg-00000001", "thrd-00000001", "opus", 1_769_000_000L, null, null, Map.of()),
                agent("opus"),
                new MessagePin("msg-00000002", "thrd-00000001", "opus", 1_769_000_001L, null, null, Map.of())));

        List<JsonNode> threads = lines(paths.machineLog("laptop", LogFile.THREADS));
        assertEquals(List.of("msg-00000001", "msg-00000002"),
                threads.stream().map(n -> n.get("message_guid").asText()).toList());
        assertEquals(1, lines(paths.runtimeLog()).size());
        assertFalse(Files.exists(paths.machineLog("laptop", LogFile.MESSAGES)));
        for (Path legacy : paths.legacyLogs()) {
            assertFalse(Files.exists(legacy), "a v2 channel never gets " + legacy.getFileName());
        }
        long s0 = written.get(0).seq();
        assertEquals(List.of(s0, s0 + 1, s0 + 2), written.stream().map(FrayRecord::seq).toList(),
                "a batch reserves consecutive numbers");
    }

    /** The directory backend, counting the appends it is asked for: a real backend, not a mock. */
    private static final class CountingBackend extends DirectoryStorageBackend {
        final List<String> appends = new ArrayList<>();

        CountingBackend(ChannelPaths paths) {
            super(paths);
        }

        @Override
        public void append(dev.fray.spi.LogAddress log, java.nio.ByteBuffer records) throws IOException {
            appends.add(log.file() + ":" + new String(records.duplicate().array(), records.position(),
                    records.remaining(), java.nio.charset.StandardCharsets.UTF_8).split("\n").length);
            super.append(log, records);
        }
    }

    @Test
    void appendAllIsOneDurableWritePerLogWithConsecutiveSeqsInOrder() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        CountingBackend backend = new CountingBackend(paths);
        ChannelWriter w = opened(ChannelWriter.open(paths, backend, CLOCK));
        List<FrayRecord> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(MessageDraft.of("opus", "import " + i).toMessage("ch-test", CLOCK));
            if (i % 50 == 0) {
                batch.add(new MessagePin("msg-0000000" + (i / 50), "thrd-00000001", "opus", 1_769_000_000L, null,
                        null, Map.of()));
            }
        }
        List<FrayRecord> written = w.appendAll(batch);

        assertEquals(List.of("messages.jsonl:250", "threads.jsonl:5"), backend.appends,
                "one append (one write, one fsync) per log, holding all of its records");
        assertEquals(batch.size(), written.size());
        long first = written.get(0).seq();
        for (int i = 0; i < written.size(); i++) {
            assertEquals(first + i, written.get(i).seq(), "consecutive numbers in the caller's order");
        }
        List<String> lines = Files.readAllLines(paths.machineLog("laptop", LogFile.MESSAGES));
        assertEquals(250, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("import " + i, FrayJson.mapper().readTree(lines.get(i)).get("body").asText());
        }
        assertEquals(5, Files.readAllLines(paths.machineLog("laptop", LogFile.THREADS)).size());
        assertTrue(IntegrityVerifier.verifyMachine(paths, "laptop").isEmpty());
        assertEquals(first + written.size(), dev.fray.sdk.identity.SequenceCounter.next(paths));
    }

    @Test
    void v1ChannelIsWrittenAsFrayV1WritesIt() throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1\n}\n");
        ChannelWriter w = writer(paths);
        assertNull(w.machineId());
        Message m = w.post(MessageDraft.of("opus", "hello @sonnet").toMessage("ch-test", CLOCK));
        w.append(new MessagePin(m.id(), "thrd-00000001", "opus", 1_769_000_000L, null, null, Map.of()));
        w.append(agent("opus"));

        List<JsonNode> messages = lines(paths.rootLog(LogFile.MESSAGES));
        assertEquals(2, messages.size(), "v1 keeps pins in messages.jsonl");
        assertNull(messages.get(0).get("origin"));
        assertNull(messages.get(0).get("seq"));
        assertEquals("sonnet", messages.get(0).get("mentions").get(0).asText(), "v1 mentions are not scoped");
        assertEquals(1, lines(paths.rootLog(LogFile.AGENTS)).size());
        assertFalse(Files.exists(paths.sharedDir()));
    }

    @Test
    void everyWrittenLineDecodesAsTheRecordThatWasReturned() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        ChannelWriter w = writer(paths);
        Message m = w.post(MessageDraft.of("opus", "<b>&</b> \u2028 🎉 @alice").toMessage("ch-test", CLOCK));
        List<String> raw = Files.readAllLines(paths.machineLog("laptop", LogFile.MESSAGES));
        FrayRecord decoded = RecordCodec.decode(raw.get(0));
        assertEquals(m, decoded);
        assertTrue(raw.get(0).contains("\\u003cb\\u003e\\u0026\\u003c/b\\u003e \\u2028 🎉"), raw.get(0));
    }

    @Test
    void unjoinedV2ChannelIsRefusedWithAClearMessage() throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.sharedDir());
        Files.createFile(paths.v2Sentinel());
        IOException e = assertThrows(IOException.class, () -> writer(paths));
        assertTrue(e.getMessage().contains("machine id"), e.getMessage());
    }

    @Test
    void unknownRecordTypesAreNotRouted() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        ChannelWriter w = writer(paths);
        FrayRecord raw = RecordCodec.decode("{\"type\":\"from_the_future\",\"x\":1}");
        assertNotNull(raw);
        assertThrows(IllegalArgumentException.class, () -> w.append(raw));
        assertInstanceOf(Message.class, w.post(MessageDraft.of("opus", "still works").toMessage("c", CLOCK)));
    }

    private static Agent agent(String id) {
        return (Agent) RecordCodec.decode("{\"type\":\"agent\",\"id\":\"usr-abcdefgh\",\"name\":\"" + id
                + "\",\"agent_id\":\"" + id + "\",\"registered_at\":1769000000,\"last_seen\":1769000000,"
                + "\"left_at\":null}");
    }

    private static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }
}
