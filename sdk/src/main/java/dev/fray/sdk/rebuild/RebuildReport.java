package dev.fray.sdk.rebuild;

import dev.fray.sdk.cache.CacheConnections;
import dev.fray.sdk.cache.CacheException;
import dev.fray.sdk.cache.CacheSchema;
import dev.fray.sdk.cache.CacheTable;
import dev.fray.sdk.cache.RebuildResult;
import dev.fray.sdk.fold.FoldResult;
import dev.fray.sdk.fold.GuidCollision;
import dev.fray.sdk.integrity.IntegrityFinding;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.ReadWarning;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.fray.spi.Utf8Order;

/**
 * What {@link Rebuilder} did: whether the cache was rebuilt and why, what was read (events per file, unknown types,
 * skipped lines with file and line, sync conflict copies), GUID collisions, integrity findings, the rows now in each
 * table the rebuild fills, and the time taken.
 *
 * @param fold  the fold's own report; {@code null} when the cache was already up to date
 * @param cache how the rows reached the cache; {@code null} when the cache was already up to date
 */
public record RebuildReport(Path frayDir, Path cacheDb, StorageVersion version, List<String> machines,
        boolean rebuilt, String reason, FoldResult fold, RebuildResult cache, List<IntegrityFinding> integrity,
        Map<String, Long> rowsPerTable, Duration elapsed, How how, String fullRebuildReason) {

    /**
     * Which path brought the cache up to date: nothing to do, a full rebuild, or a catch-up that re-folded only the
     * entities new lines touched (its fold's {@code eventsIndexed} counts only the new events).
     */
    public enum How {
        UP_TO_DATE, FULL, CATCH_UP
    }

    static RebuildReport upToDate(ChannelPaths paths, StorageVersion version, List<String> machines,
            Duration elapsed) {
        return new RebuildReport(paths.frayDir(), paths.cacheDb(), version, machines, false, "cache is up to date",
                null, null, List.of(), countRows(paths.cacheDb()), elapsed, How.UP_TO_DATE, null);
    }

    /** {@code fullRebuildReason}: why a catch-up was not possible, when a full rebuild replaced one; else null. */
    static RebuildReport rebuilt(ChannelPaths paths, StorageVersion version, List<String> machines, String reason,
            How how, String fullRebuildReason, FoldResult fold, RebuildResult cache, List<IntegrityFinding> integrity,
            Duration elapsed) {
        return new RebuildReport(paths.frayDir(), paths.cacheDb(), version, machines, true, reason, fold, cache,
                integrity, countRows(paths.cacheDb()), elapsed, how, fullRebuildReason);
    }

    /** Every skipped line and unreadable record, with file and line. */
    public List<ReadWarning> warnings() {
        return fold == null ? List.of() : fold.read().warnings();
    }

    public List<GuidCollision> collisions() {
        return fold == null ? List.of() : fold.collisions();
    }

    /** Events read per source file (path relative to {@code .fray/}), sorted by path as UTF-8 bytes. */
    public Map<String, Long> eventsPerFile() {
        Map<String, Long> relative = new TreeMap<>(Utf8Order::compare);
        if (fold != null) {
            fold.read().recordsPerFile().forEach((file, n) -> relative.put(relativize(file), n));
        }
        return relative;
    }

    private String relativize(String file) {
        Path p = Path.of(file);
        return p.startsWith(frayDir) ? frayDir.relativize(p).toString() : file;
    }

    /** Rows in each derived table, counted in the cache itself after the rebuild. */
    private static Map<String, Long> countRows(Path db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = CacheConnections.readOnly(db).getConnection(); Statement st = c.createStatement()) {
            for (CacheTable table : CacheSchema.derivedTables()) {
                if (table.name().startsWith("fray_jvm_")) {
                    continue; // our own bookkeeping, not channel data
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
                    counts.put(table.name(), rs.next() ? rs.getLong(1) : 0L);
                }
            }
        } catch (SQLException e) {
            throw new CacheException("counting rows in " + db + " failed: " + e.getMessage(), e);
        }
        return counts;
    }
}
