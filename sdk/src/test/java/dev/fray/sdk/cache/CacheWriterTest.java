package dev.fray.sdk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fray.sdk.cache.rows.ConfigRow;
import dev.fray.sdk.cache.rows.MessagePinRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import dev.fray.sdk.cache.rows.ThreadRow;
import dev.fray.sdk.cache.rows.ThreadSubscriptionRow;
import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheWriterTest {

    @TempDir
    Path dir;
    ChannelPaths paths;

    @BeforeEach
    void setUp() {
        paths = new ChannelPaths(dir.resolve(".fray"));
    }

    @Test
    void firstBuildIsPublishedThenRebuildsHappenInPlace() {
        assertEquals(RebuildResult.Strategy.PUBLISHED_NEW_FILE,
                CacheWriter.rebuild(paths, sink -> sink.accept(Rows.message("msg-1", 1)), SourceManifest.empty())
                        .strategy());
        assertEquals(RebuildResult.Strategy.IN_PLACE,
                CacheWriter.rebuild(paths, sink -> sink.accept(Rows.message("msg-2", 2)), SourceManifest.empty())
                        .strategy());
        assertEquals(List.of("msg-2"), column("SELECT guid FROM fray_messages"));
        try (var files = Files.list(paths.localDir())) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".build-")).toList(),
                    "no temp build files left behind");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rebuildReplacesDerivedRowsIncludingMessagePinsAndKeepsDbOnlyTables() {
        CacheWriter.rebuild(paths, sink -> {
            sink.accept(Rows.message("msg-old", 1));
            sink.accept(new ThreadRow("thrd-1", "t", null, null, null, 5, null, false, null));
            sink.accept(new MessagePinRow("msg-old", "thrd-1", "alice", 7));
            sink.accept(new ThreadSubscriptionRow("thrd-1", "alice", 5));
            sink.accept(new ConfigRow("channel_id", "ch-old"));
        }, SourceManifest.empty());
        exec("INSERT INTO fray_read_to VALUES ('alice', 'room', 'msg-old', 1, 99)",
                "INSERT INTO fray_config VALUES ('custom_key', 'kept')",
                "UPDATE fray_config SET value = '8' WHERE key = 'stale_hours'",
                "INSERT INTO fray_claims (agent_id, claim_type, pattern, created_at) VALUES ('alice', 'file', 'a/*', 1)",
                "INSERT INTO fray_filters VALUES ('alice', 'alice,pm')",
                "INSERT INTO fray_read_receipts VALUES ('msg-old', 'alice', 3)");

        CacheWriter.rebuild(paths, sink -> {
            sink.accept(Rows.message("msg-new", 2));
            sink.accept(new ConfigRow("channel_id", "ch-new"));
        }, SourceManifest.empty());

        assertEquals(List.of("msg-new"), column("SELECT guid FROM fray_messages"));
        assertEquals(List.of(), column("SELECT message_guid FROM fray_message_pins"));
        assertEquals(List.of(), column("SELECT guid FROM fray_threads"));
        assertEquals(List.of(), column("SELECT agent_id FROM fray_thread_subscriptions"));
        assertEquals(List.of(), column("SELECT agent_prefix FROM fray_read_receipts"), "fray drops it too");
        assertEquals(List.of("alice room msg-old"), column("SELECT agent_id || ' ' || home || ' ' || message_guid"
                + " FROM fray_read_to"));
        assertEquals(List.of("channel_id=ch-new", "custom_key=kept", "stale_hours=8"),
                column("SELECT key || '=' || value FROM fray_config ORDER BY key"));
        assertEquals(List.of("a/*"), column("SELECT pattern FROM fray_claims"));
        assertEquals(List.of("alice,pm"), column("SELECT mentions_pattern FROM fray_filters"));
    }

    @Test
    void duplicateReactionsBecomeOneRowAndDistinctOnesStay() {
        CacheWriter.rebuild(paths, sink -> {
            sink.accept(Rows.message("msg-1", 1));
            sink.accept(new ReactionRow("msg-1", "bob", "👍", 1000));
            sink.accept(new ReactionRow("msg-1", "bob", "👍", 1000));
            sink.accept(new ReactionRow("msg-1", "bob", "👍", 2000));
        }, SourceManifest.empty());
        assertEquals(List.of("1000", "2000"), column("SELECT reacted_at FROM fray_reactions ORDER BY reacted_at"));
    }

    @Test
    void threadWithMissingParentIsKeptAndChildMayPrecedeParent() {
        CacheWriter.rebuild(paths, sink -> {
            sink.accept(new ThreadRow("thrd-child", "c", "thrd-parent", null, null, 2, null, false, null));
            sink.accept(new ThreadRow("thrd-orphan", "o", "thrd-missing", null, null, 3, null, false, null));
            sink.accept(new ThreadRow("thrd-parent", "p", null, null, null, 1, null, false, null));
        }, SourceManifest.empty());
        assertEquals(List.of("thrd-child:thrd-parent:open:standard", "thrd-orphan:thrd-missing:open:standard",
                        "thrd-parent::open:standard"),
                column("SELECT guid || ':' || COALESCE(parent_thread, '') || ':' || status || ':' || type"
                        + " FROM fray_threads ORDER BY guid"));
    }

    @Test
    void manyRowsAcrossInterleavedTablesAreAllInserted() {
        int n = BatchingRowSink.BATCH_SIZE * 2 + 7;
        RebuildResult result = CacheWriter.rebuild(paths, sink -> {
            for (int i = 0; i < n; i++) {
                String guid = "msg-" + i;
                sink.accept(Rows.message(guid, i));
                sink.accept(new ReactionRow(guid, "bob", "ok", i));
            }
        }, SourceManifest.empty());
        assertEquals(List.of(Integer.toString(n)), column("SELECT COUNT(*) FROM fray_messages"));
        assertEquals(List.of(Integer.toString(n)), column("SELECT COUNT(*) FROM fray_reactions"));
        assertEquals((long) n, result.rowsAccepted().get("fray_messages"));
    }

    @Test
    void failingProducerLeavesThePreviousCacheIntact() {
        CacheWriter.rebuild(paths, sink -> sink.accept(Rows.message("msg-keep", 1)), SourceManifest.empty());
        assertThrows(IllegalStateException.class, () -> CacheWriter.rebuild(paths, sink -> {
            sink.accept(Rows.message("msg-half", 2));
            throw new IllegalStateException("fold failed");
        }, SourceManifest.empty()));
        assertEquals(List.of("msg-keep"), column("SELECT guid FROM fray_messages"));
    }

    private void exec(String... sql) {
        try (Connection c = CacheConnections.live(paths.cacheDb()).getConnection();
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> column(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + paths.cacheDb());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
