package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.CacheRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How one row type is inserted: the target table, the parameterised {@code INSERT}, and a binder that sets the
 * parameters of one row.
 */
record RowTable<R extends CacheRow>(Class<R> type, String table, String insertSql, Binder<R> binder) {

    @FunctionalInterface
    interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    @SuppressWarnings("unchecked")
    void bind(PreparedStatement statement, CacheRow row) throws SQLException {
        binder.bind(statement, (R) row);
    }
}
