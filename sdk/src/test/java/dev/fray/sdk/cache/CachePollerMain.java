package dev.fray.sdk.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a separate OS process by {@link ConcurrentReaderTest}: keeps ONE read-only connection open and, until the
 * stop file appears, reads {@code COUNT(*)} and {@code SUM(ts)} of {@code fray_messages} in one read transaction,
 * printing {@code obs <count> <sum>} per observation. Prints {@code ready} after its first observation.
 */
public final class CachePollerMain {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        try (Connection c = CacheConnections.readOnly(db).getConnection()) {
            boolean ready = false;
            while (!Files.exists(stop)) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(SUM(ts), 0) FROM fray_messages")) {
                    rs.next();
                    System.out.println("obs " + rs.getLong(1) + " " + rs.getLong(2));
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                if (!ready) {
                    System.out.println("ready");
                    System.out.flush();
                    ready = true;
                }
                Thread.sleep(2);
            }
        }
        System.out.println("done");
    }
}
