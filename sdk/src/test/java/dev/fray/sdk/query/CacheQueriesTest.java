package dev.fray.sdk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.CacheWriter;
import dev.fray.sdk.cache.Rows;
import dev.fray.sdk.cache.SourceManifest;
import dev.fray.sdk.cache.rows.AgentDescriptorRow;
import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.QuestionRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import dev.fray.sdk.cache.rows.ThreadMessageRow;
import dev.fray.sdk.cache.rows.ThreadMuteRow;
import dev.fray.sdk.cache.rows.ThreadPinRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheQueriesTest {

    @TempDir
    Path dir;
    CacheQueries q;

    @BeforeEach
    void build() {
        ChannelPaths paths = new ChannelPaths(dir.resolve(".fray"));
        CacheWriter.rebuild(paths, sink -> {
            // room: same ts for m-b and m-a -> guid breaks the tie; m-arch archived
            sink.accept(Rows.message("m-b", 10, "room", "alice", "laptop", "[\"bob@desk\"]", "{}", null));
            sink.accept(Rows.message("m-a", 10, "room", "alice", "server", "null",
                    "{\"👍\":[\"carol\",\"bob\"],\"nice, thanks!\":[\"dan\"]}", null));
            sink.accept(Rows.message("m-c", 20, "room", "bob", "desk", "[\"all\"]",
                    "{\"👍\":[\"legacy\"]}", null));
            sink.accept(Rows.message("m-arch", 15, "room", "carol", "", "[\"bob\"]", "{}", 99L));
            sink.accept(Rows.message("m-t1", 30, "thrd-1", "carol", null, "[\"bob.sub@laptop\",\"x@desk\"]", "{}",
                    null));
            sink.accept(Rows.message("m-t2", 5, "thrd-2", "bob", "desk", "[\"bob@server\",\"bob@old\"]", "{}",
                    null));
            sink.accept(Rows.message("m-legacy", 6, "room", "dan", null, "[\"bob\"]", "{}", null));
            sink.accept(new ReactionRow("m-c", "erin", "🎉", 2000));
            sink.accept(new ReactionRow("m-c", "bob", "🎉", 1000));
            sink.accept(new ThreadRow("thrd-1", "one", null, null, null, 100, null, false, 300L));
            sink.accept(new ThreadRow("thrd-2", "two", "thrd-1", "archived", "knowledge", 50, "m-t2", true, null));
            sink.accept(new ThreadSubscriptionRow("thrd-1", "zed", 1));
            sink.accept(new ThreadSubscriptionRow("thrd-1", "bob", 2));
            sink.accept(new ThreadMessageRow("thrd-1", "m-b", "alice", 40));
            sink.accept(new MessagePinRow("m-b", "thrd-1", "bob", 9));
            sink.accept(new MessagePinRow("m-t1", "thrd-1", "bob", 8));
            sink.accept(new ThreadPinRow("thrd-2", "alice", 3));
            sink.accept(new ThreadMuteRow("thrd-2", "bob", 4, null));
            sink.accept(new ThreadMuteRow("thrd-1", "bob", 4, 1000L));
            sink.accept(new QuestionRow("q-2", "why?", "alice", "bob", "open", null, "m-a", null, null, 20));
            sink.accept(new QuestionRow("q-1", "how?", "bob", null, "open", "thrd-1", null, null, "[\"a\"]", 10));
            sink.accept(new QuestionRow("q-3", "what?", "bob", null, null, null, null, null, null, 5));
            sink.accept(new AgentRow("usr-2", "bob", null, null, null, 1, 2, null, false, null, null, null, null,
                    null, null));
            sink.accept(new AgentRow("usr-1", "alice", "busy", "dev", "A", 1, 2, null, true, "{}", "idle", null,
                    null, null, null));
            sink.accept(new AgentDescriptorRow("alice", "Alice", "[\"code\"]", 7));
        }, SourceManifest.empty());
        q = CacheQueries.of(paths);
    }

    private static List<String> guids(List<MessageView> messages) {
        return messages.stream().map(MessageView::guid).toList();
    }

    @Test
    void roomMessagesInOrderWithArchiveLimitAndCursor() {
        assertEquals(List.of("m-legacy", "m-a", "m-b", "m-c"), guids(q.roomMessages(MessageQuery.unarchived())));
        assertEquals(List.of("m-legacy", "m-a", "m-b", "m-arch", "m-c"),
                guids(q.roomMessages(MessageQuery.everything())));
        assertEquals(List.of("m-b", "m-c"), guids(q.roomMessages(MessageQuery.unarchived().withLimit(2))));
        assertEquals(List.of("m-b", "m-c"), guids(q.roomMessages(MessageQuery.unarchived().after(10, "m-a"))));
        assertEquals(List.of("m-b"), guids(q.roomMessages(MessageQuery.unarchived().after(10, "m-a")
                .withLimit(1))));
    }

    @Test
    void threadMessagesIncludeHomeAndPlaylist() {
        assertEquals(List.of("m-b", "m-t1"), guids(q.threadMessages("thrd-1", MessageQuery.unarchived())));
    }

    @Test
    void reactionRowsReplaceTheLegacyMapEntirely() {
        MessageView c = q.message("m-c").orElseThrow();
        assertEquals(List.of(new ReactionView("🎉", "bob", 1000), new ReactionView("🎉", "erin", 2000)),
                c.reactions());
        MessageView a = q.message("m-a").orElseThrow();
        assertEquals(List.of(new ReactionView("nice, thanks!", "dan", 0), new ReactionView("👍", "bob", 0),
                new ReactionView("👍", "carol", 0)), a.reactions());
        assertEquals(List.of(), a.mentions(), "JSON null mentions");
        assertEquals(c.reactions(), q.roomMessages(MessageQuery.unarchived()).get(3).reactions());
        assertTrue(q.message("nope").isEmpty());
    }

    @Test
    void threadsWithSubscribersPinsAndMutes() {
        List<ThreadView> threads = q.threads();
        assertEquals(List.of("thrd-2", "thrd-1"), threads.stream().map(ThreadView::guid).toList());
        assertEquals(new ThreadView("thrd-1", "one", null, "open", "standard", 100, null, false, 300L,
                List.of("bob", "zed")), threads.get(1));
        assertEquals(new ThreadView("thrd-2", "two", "thrd-1", "archived", "knowledge", 50, "m-t2", true, null,
                List.of()), q.thread("thrd-2").orElseThrow());
        assertEquals(List.of(new MessagePinView("m-t1", "thrd-1", "bob", 8), new MessagePinView("m-b", "thrd-1",
                "bob", 9)), q.messagePins("thrd-1"));
        assertEquals(List.of(new ThreadPinView("thrd-2", "alice", 3)), q.threadPins());
        assertEquals(List.of(new MuteView("thrd-1", "bob", 4, 1000L), new MuteView("thrd-2", "bob", 4, null)),
                q.mutes("bob"));
    }

    @Test
    void questionsByStatusAndAgentsWithDescriptors() {
        assertEquals(List.of("q-1", "q-2"), q.questions("open").stream().map(QuestionView::guid).toList());
        assertEquals(List.of("q-3"), q.questions("unasked").stream().map(QuestionView::guid).toList());
        assertEquals("[]", q.questions("unasked").get(0).optionsJson());
        List<AgentView> agents = q.agents();
        assertEquals(new AgentView("usr-1", "alice", "busy", "dev", "A", 1, 2, null, true, "idle", "Alice",
                "[\"code\"]"), agents.get(0));
        assertEquals(new AgentView("usr-2", "bob", null, null, null, 1, 2, null, false, "offline", null, null),
                agents.get(1));
        assertEquals("4", q.config("stale_hours").orElseThrow());
    }

    @Test
    void displayRuleQualifiesOnlyAgentsSeenFromSeveralOrigins() {
        AuthorLabels labels = q.authorLabels();
        assertEquals(java.util.Set.of("alice"), labels.ambiguousAgents());
        assertEquals("alice@laptop", labels.label(q.message("m-b").orElseThrow()));
        assertEquals("alice", labels.label("alice", null));
        assertEquals("alice", labels.label("alice", ""));
        assertEquals("bob", labels.label(q.message("m-c").orElseThrow()), "one origin only");
        assertEquals("carol", labels.label(q.message("m-arch").orElseThrow()), "empty origin does not count");
    }

    @Test
    void mentionsRoutedToBobOnDesk() {
        // old was renamed to desk; m-t2's bob@server is for another machine
        MentionRoutingRule bob = new MentionRoutingRule("bob", "desk", Map.of("old", "desk"));
        assertEquals(List.of("m-t2", "m-legacy", "m-b", "m-c"),
                guids(q.mentionsOf(bob, MessageQuery.unarchived())));
        assertEquals(List.of("m-t2", "m-legacy", "m-b", "m-arch", "m-c"),
                guids(q.mentionsOf(bob, MessageQuery.everything())));
        assertEquals(List.of("m-b", "m-c"), guids(q.mentionsOf(bob, MessageQuery.unarchived().withLimit(2))));
        MentionRoutingRule bobOnLaptop = new MentionRoutingRule("bob", "laptop", Map.of());
        assertEquals(List.of("m-legacy", "m-c", "m-t1"),
                guids(q.mentionsOf(bobOnLaptop, MessageQuery.unarchived())));
    }
}
