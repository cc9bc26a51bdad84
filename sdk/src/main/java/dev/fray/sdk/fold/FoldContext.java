package dev.fray.sdk.fold;

import dev.fray.sdk.cache.RowSink;
import dev.fray.sdk.cache.rows.CacheRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What entity folds write to: the row sink (with per-table counts), the few cross-entity facts the rebuild needs
 * afterwards (kept small: one entry per agent), and detected GUID collisions.
 */
final class FoldContext {

    private final RowSink sink;
    private final boolean v2;
    final Map<String, Long> rowsPerTable = new TreeMap<>();
    final SyntheticAgents agents = new SyntheticAgents();
    final List<GuidCollision> collisions = new ArrayList<>();
    /** The index positions of the events that decided a last-event-wins entity (see {@link LastEventFold}). */
    final java.util.BitSet lastEventWinners = new java.util.BitSet();

    FoldContext(RowSink sink, boolean v2) {
        this.sink = sink;
        this.v2 = v2;
    }

    boolean v2() {
        return v2;
    }

    void emit(CacheRow row) {
        rowsPerTable.merge(CacheTables.tableOf(row), 1L, Long::sum);
        sink.accept(row);
    }
}
