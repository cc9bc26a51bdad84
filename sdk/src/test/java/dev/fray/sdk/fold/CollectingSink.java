package dev.fray.sdk.fold;

import dev.fray.sdk.cache.RowSink;
import dev.fray.sdk.cache.rows.CacheRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A RowSink that keeps every row, for assertions. */
final class CollectingSink implements RowSink {

    final List<CacheRow> rows = new ArrayList<>();

    @Override
    public void accept(CacheRow row) {
        rows.add(row);
    }

    <T extends CacheRow> List<T> of(Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Every row as text, sorted: a canonical form for comparing two folds. */
    List<String> canonical() {
        return rows.stream().map(CacheRow::toString).sorted().collect(Collectors.toList());
    }
}
