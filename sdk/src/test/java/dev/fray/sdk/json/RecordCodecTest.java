package dev.fray.sdk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.model.MessageUpdate;
import dev.fray.sdk.model.Question;
import dev.fray.sdk.model.QuestionUpdate;
import dev.fray.sdk.model.RawRecord;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.Thread;
import dev.fray.sdk.model.ThreadDelete;
import dev.fray.sdk.model.ThreadUpdate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordCodecTest {

    private static String roundTrip(String line) {
        return new String(RecordCodec.encode(RecordCodec.decode(line)), StandardCharsets.UTF_8);
    }

    private static String encode(FrayRecord r) {
        return new String(RecordCodec.encode(r), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                  | x                                              | not valid JSON",
            "array                     | [1,2]                                          | not a JSON object but array",
            "string                    | \"msg\"                                        | not a JSON object but string",
            "empty                     | ''                                             | empty line",
            "no type                   | {\"id\":\"a\"}                                 | no \"type\" key",
            "numeric type              | {\"type\":7}                                   | \"type\" is not a string",
            "fraction for int          | {\"type\":\"reaction\",\"reacted_at\":1.5}     | field \"reacted_at\": expected integer",
            "exponent for int          | {\"type\":\"reaction\",\"reacted_at\":1e3}     | field \"reacted_at\": expected integer",
            "1.0 for int               | {\"type\":\"thread\",\"created_at\":1.0}       | field \"created_at\": expected integer",
            "string for int            | {\"type\":\"message\",\"ts\":\"1\"}            | field \"ts\": expected integer",
            "int64 overflow            | {\"type\":\"message\",\"ts\":9223372036854775808} | does not fit in int64",
            "number for string         | {\"type\":\"message\",\"id\":5}                | field \"id\": expected string",
            "object for mentions       | {\"type\":\"message\",\"mentions\":{}}         | field \"mentions\": expected array",
            "number in mentions        | {\"type\":\"message\",\"mentions\":[1]}        | field \"mentions[]\": expected string",
            "string for bool           | {\"type\":\"ghost_cursor\",\"must_read\":\"y\"} | field \"must_read\": expected boolean",
            "trailing garbage          | {\"type\":\"message\"} x                       | not valid JSON",
    })
    void linesFraySkipsAreRejectedWithAReason(String name, String line, String reason) {
        RecordDecodeException e = assertThrows(RecordDecodeException.class, () -> RecordCodec.decode(line));
        assertTrue(e.reason().contains(reason), () -> "reason was: " + e.reason());
        assertTrue(e.at("messages.jsonl", 12).getMessage().startsWith("messages.jsonl:12: "));
    }

    @Test
    void decodeKeepsWhatIsThereAndOffersFraysDefaults() {
        Message m = (Message) RecordCodec.decode(
                "{\"type\":\"message\",\"id\":\"msg-1\",\"channel_id\":null,\"from_agent\":\"a\",\"body\":\"b\","
                        + "\"mentions\":null,\"message_type\":\"agent\",\"reply_to\":null,\"ts\":1767206179123,"
                        + "\"edited_at\":null,\"archived_at\":null}\n");
        assertNull(m.home());
        assertEquals("room", m.homeOrRoom());
        assertNull(m.mentions());
        assertEquals(List.of(), m.mentionsOrEmpty());
        assertEquals(1767206179123L, m.ts(), "ms timestamps stay raw");
        assertNull(m.channelId());

        Thread t = (Thread) RecordCodec.decode("{\"type\":\"thread\",\"guid\":\"thrd-design01\",\"name\":\"x\"}");
        assertEquals("thrd-design01", t.guid(), "ids of any shape");
        assertEquals("open", t.statusOrOpen());
        Question q = (Question) RecordCodec.decode("{\"type\":\"question\",\"guid\":\"qstn-old0001\"}");
        assertEquals("unasked", q.statusOrUnasked());
    }

    @Test
    void threadDeleteAcceptsTheIdUnderGuid() {
        ThreadDelete byGuid = (ThreadDelete) RecordCodec.decode("{\"type\":\"thread_delete\",\"guid\":\"thrd-1\",\"ts\":5}");
        assertEquals("thrd-1", byGuid.threadId());
        assertEquals(Map.of(), byGuid.extra());
        assertEquals("{\"type\":\"thread_delete\",\"thread_id\":\"thrd-1\",\"ts\":5}\n", encode(byGuid));

        ThreadDelete both = (ThreadDelete) RecordCodec.decode(
                "{\"type\":\"thread_delete\",\"thread_id\":\"thrd-1\",\"guid\":\"thrd-2\",\"seq\":3,\"ts\":5}");
        assertEquals("thrd-1", both.threadId());
        assertEquals(3L, both.seq());
        assertTrue(both.extra().containsKey("guid"), "the unused guid is kept");
    }

    @Test
    void keysMatchCaseInsensitivelyLikeGo() {
        ThreadUpdate u = (ThreadUpdate) RecordCodec.decode("{\"type\":\"thread_update\",\"GUID\":\"thrd-1\",\"Name\":\"n\"}");
        assertEquals("thrd-1", u.guid());
        assertEquals("n", u.name());
        assertEquals(Map.of(), u.extra());
    }

    @Test
    void unknownKeysArePreservedAfterTheKnownOnes() {
        String line = "{\"type\":\"thread\",\"owner\":\"alice\",\"guid\":\"thrd-1\",\"name\":\"x\",\"status\":\"open\","
                + "\"created_at\":1,\"nested\":{\"b\":[1,2.50,null],\"a\":true}}";
        FrayRecord r = RecordCodec.decode(line);
        assertEquals(List.of("owner", "nested"), List.copyOf(r.extra().keySet()));
        assertEquals("{\"type\":\"thread\",\"guid\":\"thrd-1\",\"name\":\"x\",\"status\":\"open\",\"created_at\":1,"
                + "\"owner\":\"alice\",\"nested\":{\"b\":[1,2.50,null],\"a\":true}}\n", encode(r));
    }

    @Test
    void unknownAndUnmodelledTypesStayRawAndComeBackUnchanged() {
        String unknown = "{\"type\":\"future_thing\",\"z\":1,\"a\":{\"y\":[true,null,0.125]},\"s\":\"\\u003c\"}";
        FrayRecord r = RecordCodec.decode(unknown);
        RawRecord raw = assertInstanceOf(RawRecord.class, r);
        assertNull(raw.type(), "unknown types have no RecordType");
        assertEquals("future_thing", raw.typeName());
        assertEquals(unknown + "\n", encode(raw));

        String usage = "{\"type\":\"usage_snapshot\",\"agent_id\":\"a\",\"context_percent\":42.50,\"seq\":9,\"origin\":\"m1\"}";
        RawRecord u = (RawRecord) RecordCodec.decode(usage);
        assertEquals(RecordType.USAGE_SNAPSHOT, u.type());
        assertEquals(9L, u.seq());
        assertEquals("m1", u.origin());
        assertEquals(usage + "\n", encode(u));
    }

    @Test
    void omitsExactlyWhatGoOmits() {
        // value omitempty fields with zero values are dropped; pointer omitempty fields keep "" / false / 0;
        // Always fields are written, nil pointers as null and absent values as Go zero values.
        String in = "{\"type\":\"message\",\"id\":\"m\",\"home\":\"\",\"from_agent\":\"a\",\"origin\":\"\",\"seq\":0,"
                + "\"session_id\":\"\",\"body\":\"\",\"mentions\":[],\"fork_sessions\":{},\"reactions\":{},"
                + "\"message_type\":\"agent\",\"references\":\"\",\"ts\":0}";
        assertEquals("{\"type\":\"message\",\"id\":\"m\",\"channel_id\":null,\"from_agent\":\"a\",\"session_id\":\"\","
                + "\"body\":\"\",\"mentions\":[],\"message_type\":\"agent\",\"references\":\"\",\"reply_to\":null,"
                + "\"ts\":0,\"edited_at\":null,\"archived_at\":null}\n", roundTrip(in));

        assertEquals("{\"type\":\"thread_update\",\"guid\":\"t\",\"name\":\"\",\"anchor_hidden\":false}\n",
                roundTrip("{\"type\":\"thread_update\",\"guid\":\"t\",\"name\":\"\",\"anchor_hidden\":false}"));
        assertEquals("{\"type\":\"thread\",\"guid\":\"t\",\"name\":\"\",\"status\":\"\",\"created_at\":0}\n",
                roundTrip("{\"type\":\"thread\",\"guid\":\"t\",\"anchor_hidden\":false,\"subscribed\":[],\"thread_type\":\"\"}"));
        assertEquals("{\"type\":\"ghost_cursor\",\"agent_id\":\"\",\"home\":\"\",\"message_guid\":\"\",\"must_read\":false,"
                + "\"set_at\":0}\n", roundTrip("{\"type\":\"ghost_cursor\"}"));
        // a *map is written even when empty
        assertEquals("{\"type\":\"message_update\",\"id\":\"m\",\"reactions\":{}}\n",
                roundTrip("{\"type\":\"message_update\",\"id\":\"m\",\"reactions\":{}}"));
    }

    @Test
    void explicitNullArchivedAtOnAnUpdateIsKept() {
        MessageUpdate u = (MessageUpdate) RecordCodec.decode("{\"type\":\"message_update\",\"id\":\"m\",\"archived_at\":null}");
        assertTrue(u.clearsArchivedAt());
        assertNull(u.archivedAt());
        assertEquals("{\"type\":\"message_update\",\"id\":\"m\",\"archived_at\":null}\n", encode(u));
        MessageUpdate absent = (MessageUpdate) RecordCodec.decode("{\"type\":\"message_update\",\"id\":\"m\"}");
        assertTrue(!absent.clearsArchivedAt());
        assertEquals("{\"type\":\"message_update\",\"id\":\"m\"}\n", encode(absent));
    }

    @Test
    void extensionKeysOriginSeqTsRoundTripOnTypesFrayLacksThemOn() {
        String line = "{\"type\":\"question_update\",\"guid\":\"q\",\"status\":\"closed\",\"origin\":\"laptop\",\"seq\":12,"
                + "\"ts\":1767206179}";
        QuestionUpdate q = (QuestionUpdate) RecordCodec.decode(line);
        assertEquals("laptop", q.origin());
        assertEquals(12L, q.seq());
        assertEquals(1767206179L, q.ts());
        assertEquals(line + "\n", encode(q));
        assertEquals("{\"type\":\"question_update\",\"guid\":\"q\",\"status\":\"closed\",\"origin\":\"m2\",\"seq\":13,"
                + "\"ts\":1767206179}\n", encode(q.withOrigin("m2").withSeq(13L)));
        QuestionUpdate bare = new QuestionUpdate("q", null, null, null, null, null, null, null, null, Map.of());
        assertEquals("{\"type\":\"question_update\",\"guid\":\"q\"}\n", encode(bare));
    }

    @Test
    void extensionKeysOfTheWrongTypeAreKeptRawInsteadOfFailing() {
        // fray ignores "seq" on thread_subscribe, so a string there must not make the line undecodable
        String line = "{\"type\":\"thread_subscribe\",\"thread_guid\":\"t\",\"agent_id\":\"a\",\"subscribed_at\":1,"
                + "\"seq\":\"x\"}";
        FrayRecord r = RecordCodec.decode(line);
        assertNull(r.seq());
        assertEquals(line + "\n", encode(r));
    }

    @Test
    void stringsAreEscapedExactlyAsGoDoes() {
        String body = "<a href=\"x\">&amp;</a> \\ \u2028\u2029 \b\f\n\r\t \u0000\u0001\u001f \u007f é 🎉 \ud800 /";
        Message m = new Message("m", null, null, "a", null, null, null, body, null, null, null, "agent", null, null,
                null, null, 1L, null, null, Map.of());
        String out = encode(m);
        assertTrue(out.contains("\"body\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e \\\\ "
                + "\\u2028\\u2029 \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \u007f é 🎉 \\ufffd /\""), out);
    }

    @Test
    void mapKeysAreSortedByUtf8BytesLikeGo() {
        // U+FF01 sorts before U+1F389 in UTF-8 (and code point) order, after it in UTF-16 order
        String line = "{\"type\":\"message_update\",\"id\":\"m\",\"reactions\":{\"🎉\":[\"a\"],\"！\":[\"b\"],\"ok\":null}}";
        assertEquals("{\"type\":\"message_update\",\"id\":\"m\",\"reactions\":{\"ok\":null,\"！\":[\"b\"],\"🎉\":[\"a\"]}}\n",
                roundTrip(line));
    }

    @Test
    void nullListElementsDecodeAsEmptyStringsLikeGo() {
        Message m = (Message) RecordCodec.decode("{\"type\":\"message\",\"mentions\":[null,\"a\"]}");
        assertEquals(List.of("", "a"), m.mentions());
    }
}
