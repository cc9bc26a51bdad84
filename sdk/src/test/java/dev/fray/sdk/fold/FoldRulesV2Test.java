package dev.fray.sdk.fold;

import static dev.fray.sdk.model.LogFile.AGENT_STATE;
import static dev.fray.sdk.model.LogFile.MESSAGES;
import static dev.fray.sdk.model.LogFile.QUESTIONS;
import static dev.fray.sdk.model.LogFile.THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.rows.AgentDescriptorRow;
import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.cache.rows.FaveRow;
import dev.fray.sdk.cache.rows.GhostCursorRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.cache.rows.QuestionRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import dev.fray.sdk.cache.rows.RoleAssignmentRow;
import dev.fray.sdk.cache.rows.SessionRoleRow;
import dev.fray.sdk.cache.rows.ThreadMessageRow;
import dev.fray.sdk.cache.rows.ThreadMuteRow;
import dev.fray.sdk.cache.rows.ThreadPinRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import dev.fray.sdk.model.StorageVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every v2 fold rule of reference §3.4–3.7, on real files. */
class FoldRulesV2Test {

    @TempDir
    Path root;

    static String msg(String id, String from, String body, long ts) {
        return "{\"type\":\"message\",\"id\":\"" + id + "\",\"channel_id\":\"ch-1\",\"from_agent\":\"" + from
                + "\",\"body\":\"" + body + "\",\"mentions\":null,\"message_type\":\"agent\",\"reply_to\":null,\"ts\":"
                + ts + ",\"edited_at\":null,\"archived_at\":null}";
    }

    private MessageRow only(CollectingSink sink) {
        List<MessageRow> rows = sink.of(MessageRow.class);
        assertEquals(1, rows.size(), rows::toString);
        return rows.get(0);
    }

    @Test
    void rawTimestampsOrderSecondsBeforeMilliseconds() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES, msg("msg-1", "x", "orig", 100),
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"ms edit\",\"edited_at\":1700000000000}")
                .machine("b", MESSAGES,
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"s edit\",\"edited_at\":1700000001}");
        // the s edit is later in wall-clock time but sorts first: raw values are compared
        MessageRow m = only(c.fold(StorageVersion.V2));
        assertEquals("ms edit", m.body());
        assertEquals(1700000000000L, m.editedAt(), "edited_at is never normalised");
    }

    @Test
    void untimestampedUpdatesSortFirst() throws Exception {
        TestChannel c = new TestChannel(root).machine("a", MESSAGES, msg("msg-1", "x", "orig", 100),
                "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"timed\",\"edited_at\":200}",
                "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"untimed\"}");
        assertEquals("timed", only(c.fold(StorageVersion.V2)).body());
    }

    @Test
    void pendingUpdatesAndMovesApplyWhenTheMessageAppears() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES,
                        "{\"type\":\"message_move\",\"message_guid\":\"msg-1\",\"old_home\":\"room\",\"new_home\":\"thrd-1\",\"moved_by\":\"x\",\"moved_at\":50}",
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"early edit\",\"edited_at\":60}")
                .machine("b", MESSAGES, msg("msg-1", "x", "orig", 100),
                        "{\"type\":\"message_update\",\"id\":\"msg-2\",\"body\":\"never applied\"}");
        MessageRow m = only(c.fold(StorageVersion.V2));
        assertEquals("early edit", m.body());
        assertEquals(60L, m.editedAt());
        assertEquals("thrd-1", m.home());
        assertEquals("b", m.origin(), "origin defaults to the machine directory");
    }

    @Test
    void messageDeleteIsStickyAndPreventsResurrection() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES,
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"pending, dropped\"}",
                        "{\"type\":\"message_delete\",\"id\":\"msg-1\",\"deleted_by\":\"x\",\"seq\":1,\"ts\":150}",
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"later edit\",\"edited_at\":300,\"archived_at\":null}")
                .machine("b", MESSAGES, msg("msg-1", "x", "orig", 100), msg("msg-1", "x", "recreated", 400),
                        "{\"type\":\"message_move\",\"message_guid\":\"msg-1\",\"old_home\":\"room\",\"new_home\":\"thrd-9\",\"moved_by\":\"x\",\"moved_at\":500}");
        MessageRow m = only(c.fold(StorageVersion.V2));
        assertEquals("[deleted]", m.body());
        assertEquals(150L, m.archivedAt());
        assertEquals("room", m.home());
        assertNull(m.editedAt());
    }

    @Test
    void repeatedMessageReplacesTheWholeRecord() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES, msg("msg-1", "x", "first", 100),
                        "{\"type\":\"message_update\",\"id\":\"msg-1\",\"body\":\"edited\",\"edited_at\":150}")
                .machine("b", MESSAGES, msg("msg-1", "y", "second", 200));
        CollectingSink sink = c.fold(StorageVersion.V2);
        MessageRow m = only(sink);
        assertEquals("second", m.body());
        assertEquals("y", m.fromAgent());
        assertNull(m.editedAt());
        List<GuidCollision> collisions = c.lastResult.collisions();
        assertEquals(1, collisions.size());
        assertEquals(new GuidCollision("message", "msg-1", List.of(
                new GuidCollision.Entry("a", 100, "x: first"), new GuidCollision.Entry("b", 200, "y: second"))),
                collisions.get(0));
    }

    @Test
    void duplicatesInOneMachineAreNotCollisionsAndCollisionLogIsWrittenAndDeleted() throws Exception {
        String longBody = "word ".repeat(40);
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES, msg("msg-1", "x", "one", 100), msg("msg-1", "x", "two", 50))
                .machine("a", THREADS, "{\"type\":\"thread\",\"guid\":\"thrd-1\",\"name\":\"n\\nm\",\"status\":\"open\",\"created_at\":5}")
                .machine("b", THREADS, "{\"type\":\"thread\",\"guid\":\"thrd-1\",\"name\":\"other\",\"status\":\"open\",\"created_at\":7}")
                .machine("c", QUESTIONS, "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"" + longBody
                        + "\",\"from_agent\":\"x\",\"status\":\"open\",\"created_at\":1}")
                .machine("a", QUESTIONS, "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"  q  \",\"from_agent\":\"x\",\"status\":\"open\",\"created_at\":2}");
        c.fold(StorageVersion.V2);
        List<GuidCollision> collisions = c.lastResult.collisions();
        assertEquals(List.of("question", "thread"), collisions.stream().map(GuidCollision::type).toList());
        GuidCollision q = collisions.get(0);
        assertEquals(List.of("a", "c"), q.entries().stream().map(GuidCollision.Entry::machine).toList());
        assertEquals("q", q.entries().get(0).preview());
        assertEquals(120, q.entries().get(1).preview().length());
        assertTrue(q.entries().get(1).preview().endsWith("..."));
        assertEquals("n m", collisions.get(1).entries().get(0).preview());

        CollisionLog.write(c.paths, collisions, 1769000000L);
        String json = Files.readString(c.paths.collisionsFile());
        assertTrue(json.startsWith("{\n  \"updated_at\": 1769000000,\n  \"collisions\": [\n    {\n      \"type\": \"question\""), json);
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        CollisionLog.write(c.paths, List.of(), 1769000001L);
        assertFalse(Files.exists(c.paths.collisionsFile()));
    }

    @Test
    void crossMachineQuestionStatusFollowsMachineOrderNotTime() throws Exception {
        // alpha closes "later" in wall-clock terms, but question_update has no timestamp: beta is applied last
        TestChannel c = new TestChannel(root)
                .machine("beta", QUESTIONS, "{\"type\":\"question_update\",\"guid\":\"qstn-1\",\"status\":\"answered\"}")
                .machine("alpha", QUESTIONS,
                        "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"why?\",\"from_agent\":\"x\",\"created_at\":10}",
                        "{\"type\":\"question_update\",\"guid\":\"qstn-1\",\"status\":\"closed\"}");
        List<QuestionRow> q = c.fold(StorageVersion.V2).of(QuestionRow.class);
        assertEquals(1, q.size());
        assertEquals("answered", q.get(0).status());
        assertEquals("[]", q.get(0).optionsJson());
    }

    @Test
    void questionDefaultsAndPendingUpdateFields() throws Exception {
        TestChannel c = new TestChannel(root).machine("a", QUESTIONS,
                "{\"type\":\"question_update\",\"guid\":\"qstn-1\",\"to\":\"bob\",\"answered_in\":\"msg-9\"}",
                "{\"type\":\"question\",\"guid\":\"qstn-1\",\"re\":\"r\",\"from_agent\":\"x\",\"status\":\"\",\"options\":[{\"label\":\"A\",\"pros\":[\"p\"]}],\"created_at\":10}");
        QuestionRow q = c.fold(StorageVersion.V2).of(QuestionRow.class).get(0);
        assertEquals("unasked", q.status());
        assertEquals("bob", q.toAgent());
        assertEquals("msg-9", q.answeredIn());
        assertEquals("[{\"label\":\"A\",\"pros\":[\"p\"]}]", q.optionsJson());
    }

    @Test
    void threadRulesTombstoneUpdatesSubscriptionsMembership() throws Exception {
        TestChannel c = new TestChannel(root).machine("a", THREADS,
                "{\"type\":\"thread_update\",\"guid\":\"thrd-1\",\"name\":\"renamed\"}",
                "{\"type\":\"thread\",\"guid\":\"thrd-1\",\"name\":\"t\",\"subscribed\":[\"ann\",\"bob\"],\"status\":\"\",\"created_at\":10}",
                "{\"type\":\"thread_subscribe\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"cat\",\"subscribed_at\":20}",
                "{\"type\":\"thread_unsubscribe\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"ann\",\"unsubscribed_at\":30}",
                "{\"type\":\"thread_subscribe\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"bob\",\"subscribed_at\":40}",
                "{\"type\":\"thread_subscribe\",\"thread_guid\":\"thrd-404\",\"agent_id\":\"bob\",\"subscribed_at\":40}",
                "{\"type\":\"thread_message\",\"thread_guid\":\"thrd-1\",\"message_guid\":\"msg-1\",\"added_by\":\"x\",\"added_at\":11}",
                "{\"type\":\"thread_message\",\"thread_guid\":\"thrd-1\",\"message_guid\":\"msg-2\",\"added_by\":\"x\",\"added_at\":12}",
                "{\"type\":\"thread_message_remove\",\"thread_guid\":\"thrd-1\",\"message_guid\":\"msg-1\",\"removed_by\":\"x\",\"removed_at\":13}",
                "{\"type\":\"thread\",\"guid\":\"thrd-2\",\"name\":\"child\",\"parent_thread\":\"thrd-missing\",\"status\":\"open\",\"thread_type\":\"knowledge\",\"created_at\":10}",
                "{\"type\":\"thread_delete\",\"thread_id\":\"thrd-2\",\"seq\":4,\"ts\":20}",
                "{\"type\":\"thread_update\",\"guid\":\"thrd-2\",\"status\":\"open\",\"last_activity_at\":30}",
                "{\"type\":\"thread\",\"guid\":\"thrd-2\",\"name\":\"recreated\",\"parent_thread\":\"thrd-missing\",\"status\":\"open\",\"created_at\":40}");
        CollectingSink sink = c.fold(StorageVersion.V2);
        Map<String, ThreadRow> threads = sink.of(ThreadRow.class).stream()
                .collect(Collectors.toMap(ThreadRow::guid, t -> t));
        assertEquals(2, threads.size());
        assertEquals(new ThreadRow("thrd-1", "renamed", null, "open", "standard", 10, null, false, null),
                threads.get("thrd-1"));
        ThreadRow child = threads.get("thrd-2");
        assertEquals("archived", child.status());
        assertEquals("recreated", child.name());
        assertEquals("thrd-missing", child.parentThread(), "kept with its missing parent");
        assertEquals(List.of(new ThreadSubscriptionRow("thrd-1", "bob", 40), new ThreadSubscriptionRow("thrd-1", "cat", 20)),
                sink.of(ThreadSubscriptionRow.class).stream()
                        .sorted((x, y) -> x.agentId().compareTo(y.agentId())).toList());
        assertEquals(List.of(new ThreadMessageRow("thrd-1", "msg-2", "x", 12)), sink.of(ThreadMessageRow.class));
    }

    @Test
    void pinsFromBothFilesMutesAndThreadPins() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", THREADS,
                        "{\"type\":\"message_pin\",\"message_guid\":\"msg-1\",\"thread_guid\":\"thrd-1\",\"pinned_by\":\"x\",\"pinned_at\":10}",
                        "{\"type\":\"message_pin\",\"message_guid\":\"msg-2\",\"thread_guid\":\"thrd-1\",\"pinned_by\":\"x\",\"pinned_at\":10}",
                        "{\"type\":\"thread_pin\",\"thread_guid\":\"thrd-1\",\"pinned_by\":\"x\",\"pinned_at\":10}",
                        "{\"type\":\"thread_pin\",\"thread_guid\":\"thrd-2\",\"pinned_by\":\"x\",\"pinned_at\":10}",
                        "{\"type\":\"thread_unpin\",\"thread_guid\":\"thrd-2\",\"unpinned_by\":\"x\",\"unpinned_at\":11}",
                        "{\"type\":\"thread_mute\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"x\",\"muted_at\":10,\"expires_at\":99}",
                        "{\"type\":\"thread_mute\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"y\",\"muted_at\":10}",
                        "{\"type\":\"thread_unmute\",\"thread_guid\":\"thrd-1\",\"agent_id\":\"y\",\"unmuted_at\":12}")
                .machine("b", MESSAGES,
                        "{\"type\":\"message_unpin\",\"message_guid\":\"msg-2\",\"thread_guid\":\"thrd-1\",\"unpinned_by\":\"y\",\"unpinned_at\":20}",
                        "{\"type\":\"message_pin\",\"message_guid\":\"msg-3\",\"thread_guid\":\"thrd-1\",\"pinned_by\":\"y\",\"pinned_at\":20}");
        CollectingSink sink = c.fold(StorageVersion.V2);
        assertEquals(List.of("msg-1", "msg-3"), sink.of(MessagePinRow.class).stream().map(MessagePinRow::messageGuid)
                .sorted().toList());
        assertEquals(List.of(new ThreadPinRow("thrd-1", "x", 10)), sink.of(ThreadPinRow.class));
        assertEquals(List.of(new ThreadMuteRow("thrd-1", "x", 10, 99L)), sink.of(ThreadMuteRow.class));
    }

    @Test
    void reactionsDuplicateGiveOneRowAndLegacyMapsAreNormalised() throws Exception {
        String reaction = "{\"type\":\"reaction\",\"message_guid\":\"msg-1\",\"agent_id\":\"x\",\"emoji\":\"ok\",\"reacted_at\":1700000000000}";
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES, reaction, reaction,
                        "{\"type\":\"message\",\"id\":\"msg-2\",\"from_agent\":\"x\",\"body\":\"b\",\"ts\":5,\"reactions\":{\" ok \":[\"a\",\" a \",\"\",\"b\"],\"\":[\"x\"],\"none\":[]}}",
                        "{\"type\":\"message\",\"id\":\"msg-3\",\"from_agent\":\"x\",\"body\":\"b\",\"ts\":5,\"reactions\":{\"z\":[\"a\"]}}",
                        "{\"type\":\"message_update\",\"id\":\"msg-3\",\"reactions\":{\"nice, thanks!\":[\"q\"]}}")
                .machine("b", MESSAGES, reaction);
        CollectingSink sink = c.fold(StorageVersion.V2);
        assertEquals(List.of(new ReactionRow("msg-1", "x", "ok", 1700000000000L)), sink.of(ReactionRow.class));
        Map<String, String> maps = sink.of(MessageRow.class).stream()
                .collect(Collectors.toMap(MessageRow::guid, MessageRow::reactionsJson));
        assertEquals("{\"ok\":[\"a\",\"b\"]}", maps.get("msg-2"));
        assertEquals("{\"nice, thanks!\":[\"q\"]}", maps.get("msg-3"));
    }

    @Test
    void messageDefaultsAndTsNormalisation() throws Exception {
        TestChannel c = new TestChannel(root).machine("a", MESSAGES,
                "{\"type\":\"message\",\"id\":\"msg-1\",\"home\":\"\",\"from_agent\":\"x\",\"body\":\"<b>&\",\"mentions\":null,\"ts\":1700000000123}",
                "{\"type\":\"message\",\"id\":\"msg-2\",\"from_agent\":\"x\",\"origin\":\"elsewhere\",\"body\":\"b\",\"mentions\":[\"bob@a\"],\"ts\":5}");
        Map<String, MessageRow> rows = c.fold(StorageVersion.V2).of(MessageRow.class).stream()
                .collect(Collectors.toMap(MessageRow::guid, m -> m));
        MessageRow m1 = rows.get("msg-1");
        assertEquals(1700000000L, m1.ts());
        assertEquals("room", m1.home());
        assertEquals("[]", m1.mentionsJson());
        assertEquals("{}", m1.reactionsJson());
        assertEquals("a", m1.origin());
        assertEquals("elsewhere", rows.get("msg-2").origin());
        assertEquals("[\"bob@a\"]", rows.get("msg-2").mentionsJson());
    }

    @Test
    void agentsComeOnlyFromRuntimePlusDeterministicSyntheticAgents() throws Exception {
        TestChannel c = new TestChannel(root)
                .machine("a", MESSAGES, msg("msg-1", "opus", "hi", 1700000000500L), msg("msg-2", "opus", "hi", 1600000000),
                        msg("msg-3", "local", "hi", 5))
                .machine("a", AGENT_STATE,
                        "{\"type\":\"agent_descriptor\",\"agent_id\":\"ghost\",\"seq\":1,\"ts\":0}",
                        "{\"type\":\"agent_descriptor\",\"agent_id\":\"opus\",\"display_name\":\"Opus\",\"capabilities\":[\"code\"],\"seq\":2,\"ts\":1700000000}",
                        "{\"type\":\"agent\",\"id\":\"usr-shared\",\"agent_id\":\"shared\",\"registered_at\":1,\"last_seen\":1}")
                .machine("b", AGENT_STATE, "{\"type\":\"agent_descriptor\",\"agent_id\":\"opus\",\"seq\":1,\"ts\":1700000000}")
                .runtime("{\"type\":\"agent\",\"id\":\"usr-local1\",\"agent_id\":\"local\",\"goal\":\"g\",\"bio\":\"b\",\"registered_at\":1,\"last_seen\":2,\"left_at\":null,\"invoke\":{\"driver\":\"claude\"}}",
                        "{\"type\":\"agent_update\",\"agent_id\":\"local\",\"managed\":true,\"presence\":null}",
                        "{\"type\":\"presence_event\",\"agent_id\":\"local\",\"from\":\"offline\",\"to\":\"active\",\"reason\":\"spawn\",\"source\":\"daemon\",\"ts\":3}");
        CollectingSink sink = c.fold(StorageVersion.V2);
        Map<String, AgentRow> agents = sink.of(AgentRow.class).stream()
                .collect(Collectors.toMap(AgentRow::agentId, a -> a));
        assertEquals(Map.of("local", "usr-local1", "opus", SyntheticAgents.guidFor("opus"),
                "ghost", SyntheticAgents.guidFor("ghost")),
                agents.values().stream().collect(Collectors.toMap(AgentRow::agentId, AgentRow::guid)));
        AgentRow local = agents.get("local");
        assertEquals("g", local.status());
        assertEquals("b", local.purpose());
        assertTrue(local.managed());
        assertEquals("offline", local.presence(), "presence_event is not applied in v2");
        assertEquals("{\"driver\":\"claude\"}", local.invokeJson());
        assertEquals(1600000000L, agents.get("opus").registeredAt());
        assertEquals(1700000000L, agents.get("opus").lastSeen());
        assertEquals(0L, agents.get("ghost").registeredAt(), "descriptor ts 0 stays 0 (fray: now)");
        assertTrue(SyntheticAgents.guidFor("opus").matches("usr-[0-9a-f]{8}"));
        // descriptor: last in (ts, machine, seq) order wins wholesale: machine b's, without display name
        Map<String, AgentDescriptorRow> desc = sink.of(AgentDescriptorRow.class).stream()
                .collect(Collectors.toMap(AgentDescriptorRow::agentId, d -> d));
        assertEquals(new AgentDescriptorRow("opus", null, "[]", 1700000000L), desc.get("opus"));
    }

    @Test
    void agentStateLastEventWinsWithRawOrdering() throws Exception {
        TestChannel c = new TestChannel(root).machine("a", AGENT_STATE,
                "{\"type\":\"ghost_cursor\",\"agent_id\":\"x\",\"home\":\"room\",\"message_guid\":\"msg-1\",\"must_read\":true,\"set_at\":1700000000000}",
                "{\"type\":\"cursor_clear\",\"agent_id\":\"x\",\"home\":\"room\",\"seq\":3,\"ts\":1700000000001}",
                "{\"type\":\"ghost_cursor\",\"agent_id\":\"x\",\"home\":\"thrd-1\",\"message_guid\":\"msg-2\",\"must_read\":false,\"set_at\":1700000000000}",
                "{\"type\":\"cursor_clear\",\"agent_id\":\"x\",\"home\":\"\",\"seq\":4,\"ts\":1700000000001}",
                "{\"type\":\"agent_fave\",\"agent_id\":\"x\",\"item_type\":\"thread\",\"item_guid\":\"thrd-1\",\"faved_at\":1700000000000}",
                "{\"type\":\"fave_remove\",\"agent_id\":\"x\",\"item_type\":\"thread\",\"item_guid\":\"thrd-1\",\"seq\":5,\"ts\":1700000001}",
                "{\"type\":\"agent_fave\",\"agent_id\":\"x\",\"item_type\":\"message\",\"item_guid\":\"msg-1\",\"faved_at\":1700000000000}",
                "{\"type\":\"agent_unfave\",\"agent_id\":\"x\",\"item_type\":\"message\",\"item_guid\":\"msg-1\",\"unfaved_at\":1700000000001}",
                "{\"type\":\"role_hold\",\"agent_id\":\"x\",\"role_name\":\"pm\",\"assigned_at\":1}",
                "{\"type\":\"role_release\",\"agent_id\":\"x\",\"role_name\":\"pm\",\"seq\":6,\"ts\":2}",
                "{\"type\":\"role_hold\",\"agent_id\":\"x\",\"role_name\":\"pm\",\"assigned_at\":3}",
                "{\"type\":\"role_hold\",\"agent_id\":\"x\",\"role_name\":\"qa\",\"assigned_at\":3}",
                "{\"type\":\"role_drop\",\"agent_id\":\"x\",\"role_name\":\"qa\",\"dropped_at\":4}",
                "{\"type\":\"role_play\",\"agent_id\":\"x\",\"role_name\":\"dev\",\"session_id\":\"s1\",\"started_at\":5}",
                "{\"type\":\"role_play\",\"agent_id\":\"x\",\"role_name\":\"ops\",\"started_at\":5}",
                "{\"type\":\"role_stop\",\"agent_id\":\"x\",\"role_name\":\"ops\",\"stopped_at\":6}");
        CollectingSink sink = c.fold(StorageVersion.V2);
        assertEquals(List.of(new GhostCursorRow("x", "thrd-1", "msg-2", false, 1700000000000L)),
                sink.of(GhostCursorRow.class));
        // the chat UI's fave_remove in seconds sorts before the ms fave: the fave survives (fray's behaviour)
        assertEquals(List.of(new FaveRow("x", "thread", "thrd-1", 1700000000000L)), sink.of(FaveRow.class));
        assertEquals(List.of(new RoleAssignmentRow("x", "pm", 3)), sink.of(RoleAssignmentRow.class));
        assertEquals(List.of(new SessionRoleRow("x", "dev", "s1", 5)), sink.of(SessionRoleRow.class));
    }
}
