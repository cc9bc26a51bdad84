package dev.fray.sdk.fold;

import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.ReadReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a fold did: the read report (records per file, unknown types, warnings with file and line, conflict copies),
 * the GUID collisions found (v2; sorted by type then GUID), the rows emitted per cache table, and timings.
 */
public record FoldResult(StorageVersion version, ReadReport read, List<GuidCollision> collisions,
        Map<String, Long> rowsPerTable, long eventsIndexed, Timing timing) {

    /** Time spent reading and indexing (pass 1), sorting, and folding/emitting (pass 2). */
    public record Timing(Duration read, Duration sort, Duration fold, Duration total) {
    }

    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }
}
