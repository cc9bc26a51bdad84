package dev.fray.sdk.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFreshnessTest {

    static final long OLD = 1_600_000_000_000L;

    @TempDir
    Path dir;
    ChannelPaths paths;
    Path log;
    List<Path> sources;

    @BeforeEach
    void setUp() throws Exception {
        paths = new ChannelPaths(dir.resolve(".fray"));
        log = Files.createDirectories(paths.machineDir("laptop")).resolve("messages.jsonl");
        write(log, "{\"type\":\"message\",\"id\":\"msg-1\"}\n", OLD);
        sources = List.of(log, paths.machineDir("desk").resolve("messages.jsonl"));
    }

    private SourceManifest scan() {
        return SourceManifest.scan(paths.frayDir(), sources);
    }

    private void build() {
        CacheWriter.rebuild(paths, sink -> { }, scan());
    }

    @Test
    void missingCacheIsStaleAndAFreshBuildIsNot() {
        assertTrue(CacheFreshness.isStale(paths, scan()));
        build();
        assertFalse(CacheFreshness.isStale(paths, scan()), () -> CacheFreshness.staleReason(paths, scan()).get());
    }

    @Test
    void sourceNewerThanTheBuildIsStale() throws Exception {
        build();
        Files.setLastModifiedTime(log, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertTrue(CacheFreshness.isStale(paths, scan()));
    }

    @Test
    void contentChangeWithAnOlderMtimeIsStale() throws Exception {
        build();
        // same size, different last bytes, mtime set back: what a sync tool preserving remote times delivers
        write(log, "{\"type\":\"message\",\"id\":\"msg-2\"}\n", OLD - 1000);
        assertTrue(CacheFreshness.isStale(paths, scan()));
    }

    @Test
    void appendWithAnOlderMtimeIsStale() throws Exception {
        build();
        write(log, Files.readString(log) + "{\"type\":\"message\",\"id\":\"msg-3\"}\n", OLD);
        assertTrue(CacheFreshness.isStale(paths, scan()));
    }

    @Test
    void touchingWithoutChangeAndAnOldMtimeIsFresh() throws Exception {
        build();
        Files.setLastModifiedTime(log, FileTime.fromMillis(OLD - 5000));
        assertFalse(CacheFreshness.isStale(paths, scan()));
    }

    @Test
    void appearingAndDisappearingSourcesAreStale() throws Exception {
        build();
        Path other = Files.createDirectories(paths.machineDir("desk")).resolve("messages.jsonl");
        write(other, "{}\n", OLD);
        assertTrue(CacheFreshness.isStale(paths, scan()), "appeared");
        build();
        assertFalse(CacheFreshness.isStale(paths, scan()));
        Files.delete(other);
        assertTrue(CacheFreshness.isStale(paths, scan()), "disappeared");
    }

    @Test
    void anotherSchemaVersionIsStale() throws Exception {
        build();
        try (Connection c = CacheConnections.live(paths.cacheDb()).getConnection();
                Statement st = c.createStatement()) {
            st.execute("UPDATE fray_jvm_meta SET value = '0' WHERE key = 'schema_version'");
        }
        assertTrue(CacheFreshness.staleReason(paths, scan()).orElseThrow().contains("schema version"));
    }

    @Test
    void manifestRecordsRelativePathsAndTailFingerprints() throws Exception {
        SourceManifest m = scan();
        assertTrue(m.files().size() == 1 && m.files().get(0).path().equals("shared/machines/laptop/messages.jsonl"),
                m.toString());
        assertTrue(m.files().get(0).size() == Files.size(log) && m.files().get(0).mtimeMs() == OLD);
    }

    private static void write(Path file, String content, long mtime) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
    }
}
