package dev.fray.sdk.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on real channels: layout detection, staleness, fold, SQLite cache, collisions, integrity. */
class RebuilderTest {

    @TempDir
    Path tmp;

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    target.toFile().setWritable(true);
                }
            }
        }
    }

    @Test
    void realV1ChannelRebuildsToTheReferenceCountsAndThenStaysUpToDate() throws IOException {
        Path fixture = dev.fray.sdk.testing.Fixtures.v1ChannelFrayDir().getParent();
        copyTree(fixture, tmp);
        ChannelPaths paths = ChannelPaths.ofProjectRoot(tmp);

        RebuildReport first = Rebuilder.rebuildIfStale(paths);
        assertTrue(first.rebuilt());
        assertEquals(1614L, first.rowsPerTable().get("fray_messages"));
        assertEquals(29L, first.rowsPerTable().get("fray_reactions"));
        assertEquals(85L, first.rowsPerTable().get("fray_threads"));
        assertEquals(116L, first.rowsPerTable().get("fray_thread_subscriptions"));
        assertEquals(39L, first.rowsPerTable().get("fray_questions"));
        assertEquals(18L, first.rowsPerTable().get("fray_agents"));
        assertEquals(1958L, first.eventsPerFile().get("messages.jsonl"));
        assertTrue(first.warnings().isEmpty(), first.warnings().toString());

        RebuildReport second = Rebuilder.rebuildIfStale(paths);
        assertFalse(second.rebuilt(), "nothing changed: " + second.reason());
        assertEquals(first.rowsPerTable(), second.rowsPerTable());
    }

    @Test
    void contentChangeWithAnOlderMtimeStillTriggersARebuild() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            w.post(MessageDraft.of("opus", "one").toMessage("ch", java.time.Clock.systemUTC()));
        }
        assertTrue(Rebuilder.rebuildIfStale(paths).rebuilt());

        Path log = paths.machineLog("laptop", LogFile.MESSAGES);
        FileTime before = Files.getLastModifiedTime(log);
        String line = Files.readAllLines(log).get(0).replace("\"one\"", "\"two\"");
        Files.writeString(log, line + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(log, FileTime.fromMillis(before.toMillis() - 60_000));

        RebuildReport again = Rebuilder.rebuildIfStale(paths);
        assertTrue(again.rebuilt(), "a synced file with an old mtime but new content must rebuild");
    }

    @Test
    void collisionsAreLoggedAndTamperingIsReportedWithoutFailingTheRebuild() throws IOException {
        ChannelPaths paths = v2Channel("laptop");
        Message m;
        try (ChannelWriter w = ChannelWriter.open(paths)) {
            m = w.post(MessageDraft.of("opus", "mine").toMessage("ch", java.time.Clock.systemUTC()));
        }
        // another machine wrote a message with the same GUID (as if both drew it)
        Path other = paths.machineLog("server", LogFile.MESSAGES);
        Files.createDirectories(other.getParent());
        Files.writeString(other, "{\"type\":\"message\",\"id\":\"" + m.id() + "\",\"channel_id\":null,"
                + "\"from_agent\":\"sonnet\",\"body\":\"theirs\",\"mentions\":null,\"message_type\":\"agent\","
                + "\"reply_to\":null,\"ts\":" + (m.ts() + 5) + ",\"edited_at\":null,\"archived_at\":null}\n");

        RebuildReport report = Rebuilder.rebuild(paths, true);
        assertEquals(1, report.collisions().size());
        assertTrue(Files.exists(paths.collisionsFile()));
        assertTrue(report.integrity().isEmpty(), report.integrity().toString());

        // edit a line behind the integrity record's back: a warning naming machine and file, rebuild still done
        Path mine = paths.machineLog("laptop", LogFile.MESSAGES);
        Files.writeString(mine, Files.readString(mine).replace("\"mine\"", "\"MINE\""));
        RebuildReport tampered = Rebuilder.rebuild(paths, true);
        assertTrue(tampered.rebuilt());
        assertEquals(1, tampered.integrity().size(), tampered.integrity().toString());
        assertEquals("laptop", tampered.integrity().get(0).machine());
        assertEquals("messages.jsonl", tampered.integrity().get(0).file());

        Files.delete(other);
        Rebuilder.rebuild(paths, true);
        assertFalse(Files.exists(paths.collisionsFile()), "removed once there are no collisions");
    }

    private ChannelPaths v2Channel(String machine) throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(tmp);
        Files.createDirectories(paths.sharedDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2\n}\n");
        Files.createFile(paths.v2Sentinel());
        MachineInit.init(paths, machine);
        return paths;
    }
}
