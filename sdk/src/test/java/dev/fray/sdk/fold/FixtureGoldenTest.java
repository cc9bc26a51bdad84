package dev.fray.sdk.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.cache.rows.ConfigRow;
import dev.fray.sdk.cache.rows.FaveRow;
import dev.fray.sdk.cache.rows.GhostCursorRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.cache.rows.QuestionRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import dev.fray.sdk.cache.rows.RoleAssignmentRow;
import dev.fray.sdk.cache.rows.SessionRoleRow;
import dev.fray.sdk.cache.rows.ThreadMessageRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.StorageVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real v1 fixture folds to the golden numbers of reference §8.4 (row "main .fray"). */
class FixtureGoldenTest {

    static final Path FIXTURE = dev.fray.sdk.testing.Fixtures.v1ChannelFrayDir();

    @Test
    void v1FixtureMatchesGoldenCounts() throws Exception {
        CollectingSink sink = new CollectingSink();
        FoldResult result = ChannelFold.run(new ChannelPaths(FIXTURE), StorageVersion.V1, sink);

        assertTrue(result.read().warnings().isEmpty(), () -> "warnings: " + result.read().warnings());
        List<MessageRow> messages = sink.of(MessageRow.class);
        assertEquals(1614, messages.size(), "messages");
        assertEquals(160, messages.stream().filter(m -> m.archivedAt() != null).count(), "archived");
        assertEquals(52, messages.stream().filter(m -> m.editedAt() != null).count(), "edited");
        assertEquals(160, messages.stream().filter(m -> m.body().equals("[deleted]")).count(), "[deleted]");
        assertEquals(514, messages.stream().filter(m -> !m.home().equals("room")).count(), "in threads");
        assertEquals(0, messages.stream().filter(m -> m.ts() > 10_000_000_000L).count(), "ms ts");
        assertEquals(22, messages.stream().filter(m -> !m.reactionsJson().equals("{}")).count(), "legacy map");
        assertEquals(29, sink.of(ReactionRow.class).size(), "reaction rows");
        assertEquals(0, sink.of(MessagePinRow.class).size(), "message pins");

        List<ThreadRow> threads = sink.of(ThreadRow.class);
        assertEquals(85, threads.size(), "threads");
        assertEquals(19, threads.stream().filter(t -> t.status().equals("archived")).count(), "archived threads");
        assertEquals(116, sink.of(ThreadSubscriptionRow.class).size(), "subscriptions");
        assertEquals(9, sink.of(ThreadMessageRow.class).size(), "memberships");

        Map<String, Long> byStatus = sink.of(QuestionRow.class).stream()
                .collect(Collectors.groupingBy(QuestionRow::status, Collectors.counting()));
        assertEquals(Map.of("closed", 32L, "answered", 4L, "open", 3L), byStatus, "questions by status");

        List<AgentRow> agents = sink.of(AgentRow.class);
        assertEquals(18, agents.size(), "agents");
        assertEquals(11, agents.stream().filter(AgentRow::managed).count(), "managed agents");
        assertEquals(7, sink.of(GhostCursorRow.class).size(), "ghost cursors");
        assertEquals(5, sink.of(FaveRow.class).size(), "faves");
        assertEquals(2, sink.of(RoleAssignmentRow.class).size(), "held roles");
        assertEquals(0, sink.of(SessionRoleRow.class).size(), "session roles");
        assertEquals(List.of(new ConfigRow("channel_id", "ch-xkzte3i1"), new ConfigRow("channel_name", "fray")),
                sink.of(ConfigRow.class));

        assertEquals(1614L, result.rows("fray_messages"));
        assertEquals(Map.of(), result.read().unknownTypes());
        assertTrue(result.collisions().isEmpty());
    }
}
