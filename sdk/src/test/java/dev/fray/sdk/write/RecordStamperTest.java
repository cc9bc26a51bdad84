package dev.fray.sdk.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The direct stamper against the definition it replaced: encode, set {@code origin}/{@code seq}/{@code ts} in the JSON
 * tree, decode. Both must give byte-identical lines (and equal records once decoded), for every line of the real fray channel, for
 * the same lines with their timestamps removed, and for an empty record of every modelled type.
 */
class RecordStamperTest {

    private static final long NOW = 1_769_000_000_123L;

    /** The old stamping, kept as the oracle. */
    private static FrayRecord stampThroughJson(FrayRecord record, String origin, long seq, long nowMillis) {
        ObjectNode json = tree(RecordCodec.encode(record));
        json.put("origin", origin);
        json.put("seq", seq);
        RecordType type = record.type();
        if (type != null && !type.mergeTimestampFields().isEmpty()) {
            boolean has = false;
            for (String field : type.mergeTimestampFields()) {
                JsonNode v = json.get(field);
                has |= v != null && v.canConvertToLong() && v.isIntegralNumber();
            }
            if (!has) {
                json.put("ts", type.timestampsInMillis() ? nowMillis : nowMillis / 1000);
            }
        }
        return RecordCodec.decode(GoJson.writeBytes(json));
    }

    private static ObjectNode tree(byte[] bytes) {
        try {
            return (ObjectNode) FrayJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameAsOracle(FrayRecord record, long seq, String where) {
        FrayRecord expected = stampThroughJson(record, "laptop", seq, NOW);
        FrayRecord actual = RecordStamper.stamp(record, "laptop", seq, NOW);
        assertArrayEquals(RecordCodec.encode(expected), RecordCodec.encode(actual),
                where + ": " + new String(RecordCodec.encode(actual), StandardCharsets.UTF_8));
        // The oracle's result went through a decode, which turns a null the encoder writes as "" or 0 into that value.
        assertEquals(expected, RecordCodec.decode(RecordCodec.encode(actual)), where);
        assertEquals(seq, actual.seq(), where);
        assertEquals("laptop", actual.origin(), where);
    }

    @Test
    void everyFixtureLineStampsAsThroughJson() throws IOException {
        Path dir = Fixtures.v1ChannelFrayDir();
        Set<RecordType> seen = EnumSet.noneOf(RecordType.class);
        long seq = 1;
        for (String file : List.of("messages.jsonl", "threads.jsonl", "questions.jsonl", "agents.jsonl")) {
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                FrayRecord record = RecordCodec.decode(line);
                if (record.type() != null) {
                    seen.add(record.type());
                }
                assertSameAsOracle(record, seq++, file + ":" + (i + 1));
                ObjectNode stripped = tree(line.getBytes(StandardCharsets.UTF_8));
                if (record.type() != null) {
                    stripped.remove(record.type().mergeTimestampFields());
                }
                stripped.remove(List.of("origin", "seq"));
                assertSameAsOracle(RecordCodec.decode(GoJson.writeBytes(stripped)), seq++,
                        file + ":" + (i + 1) + " without timestamps");
            }
        }
        assertTrue(seen.size() >= 10, "the fixture covers many types: " + seen);
    }

    /** Every modelled type, with every component empty, and with random extra keys including a non-integer ts. */
    @Test
    void emptyRecordsOfEveryTypeStampAsThroughJson() throws Exception {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random rnd = new Random(seed);
        for (Class<?> type : FrayRecord.class.getPermittedSubclasses()) {
            if (type == dev.fray.sdk.model.RawRecord.class) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals("extra")) {
                    Map<String, JsonNode> extra = new java.util.LinkedHashMap<>();
                    if (rnd.nextBoolean()) {
                        extra.put("zz_later", FrayJson.mapper().getNodeFactory().textNode("kept"));
                    }
                    boolean tsIsAComponent = java.util.Arrays.stream(components)
                            .anyMatch(c -> c.getName().equals("ts"));
                    if (!tsIsAComponent && rnd.nextBoolean()) { // a decoder only puts keys it has no field for here
                        extra.put("ts", FrayJson.mapper().getNodeFactory().textNode("not a number"));
                    }
                    args[i] = extra;
                } else if (types[i] == boolean.class) {
                    args[i] = false;
                }
            }
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            FrayRecord record = (FrayRecord) constructor.newInstance(args);
            assertSameAsOracle(record, 7, type.getSimpleName() + " (seed " + seed + ", replay with -Dfray.seed="
                    + seed + ")");
        }
    }

    @Test
    void rawRecordsGetOriginAndSeqAndKeepTheirKeys() {
        FrayRecord raw = RecordCodec.decode("{\"type\":\"session_start\",\"agent_id\":\"opus\",\"seq\":3}");
        assertSameAsOracle(raw, 9, "session_start");
        FrayRecord stamped = RecordStamper.stamp(raw, "laptop", 9, NOW);
        assertEquals("{\"type\":\"session_start\",\"agent_id\":\"opus\",\"seq\":9,\"origin\":\"laptop\"}\n",
                new String(RecordCodec.encode(stamped), StandardCharsets.UTF_8));
        assertEquals(3L, raw.seq(), "the input record is not modified");
    }
}
