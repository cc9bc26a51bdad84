package dev.fray.sdk.bench;

import dev.fray.sdk.cache.CacheConnections;
import dev.fray.sdk.cache.CacheSchema;
import dev.fray.sdk.cache.CacheTable;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** A digest of every derived table's rows in a canonical order: two caches with the same digest hold the same rows. */
final class CacheDump {

    private CacheDump() {
    }

    static String digest(Path db) throws SQLException {
        try (Connection c = CacheConnections.readOnly(db).getConnection(); Statement st = c.createStatement()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (CacheTable t : CacheSchema.derivedTables()) {
                if (t.name().startsWith("fray_jvm_")) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + " ORDER BY " + allColumns(st, t))) {
                    int n = rs.getMetaData().getColumnCount();
                    md.update(t.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            md.update(("|" + rs.getString(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                        md.update((byte) '\n');
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String allColumns(Statement st, CacheTable t) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + t.name() + " LIMIT 0")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(i > 1 ? ", " : "").append(i);
            }
            return sb.toString();
        }
    }
}
