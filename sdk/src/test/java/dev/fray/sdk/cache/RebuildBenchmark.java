package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.cache.rows.ReactionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Not a test: a manual measurement of the rebuild strategies on a cache that already holds a previous generation.
 * Run with {@code java -cp <test classpath> dev.fray.sdk.cache.RebuildBenchmark <dir> [messages]}. R3 = in place;
 * R3s = private build + ATTACH copy in one transaction; R4 = private build + sqlite-jdbc {@code restore from}.
 */
public final class RebuildBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        for (int round = 0; round < 2; round++) {
            System.out.printf("round %d, %d messages + %d reactions%n", round, messages, messages / 4);
            measure("R3  in place     ", dir, messages, RebuildBenchmark::r3);
            measure("R3s staged+copy  ", dir, messages, RebuildBenchmark::r3Staged);
            measure("R4  staged+restore", dir, messages, RebuildBenchmark::r4);
        }
    }

    interface Strategy {
        void run(Path db, Consumer<RowSink> producer, BuiltCache meta) throws Exception;
    }

    private static void measure(String name, Path dir, int n, Strategy s) throws Exception {
        Path db = dir.resolve(name.trim().replace(' ', '_').replace('+', '_') + ".db");
        BuiltCache meta = new BuiltCache(CacheSchema.SCHEMA_VERSION, System.currentTimeMillis(), SourceManifest.empty());
        CacheWriter.rebuildInPlace(db, rows(n, "old"), meta); // previous generation
        long t0 = System.nanoTime();
        s.run(db, rows(n, "new"), meta);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long size = Files.size(db);
        System.out.printf("  %s %6d ms  (%,.0f rows/s)  db %,d B%n", name, ms, (n * 1.25) / (ms / 1000.0), size);
    }

    static Consumer<RowSink> rows(int n, String tag) {
        return sink -> {
            for (int i = 0; i < n; i++) {
                String guid = String.format("msg-%s%08d", tag, i);
                sink.accept(new MessageRow(guid, 1_700_000_000L + i, "ch-1", i % 10 == 0 ? "thrd-1" : "room",
                        "agent" + (i % 17), i % 2 == 0 ? "laptop" : null, null,
                        "body of message " + i + " with some text to make it realistic, about a hundred bytes long..",
                        "[\"alice@laptop\",\"bob\"]", null, "agent", null, null, null, null, null, null, "{}"));
                if (i % 4 == 0) {
                    sink.accept(new ReactionRow(guid, "agent" + (i % 5), ":+1:", 1_700_000_000_000L + i));
                }
            }
        };
    }

    private static void phases(long t0, long t1) {
        System.out.printf("      private build %d ms, publish (live write lock) %d ms%n", (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
    }

    private static void r3(Path db, Consumer<RowSink> producer, BuiltCache meta) throws SQLException {
        CacheWriter.rebuildInPlace(db, producer, meta);
    }

    private static void r3Staged(Path db, Consumer<RowSink> producer, BuiltCache meta) throws Exception {
        Path tmp = db.resolveSibling(db.getFileName() + ".build-" + UUID.randomUUID());
        try {
            long t0 = System.nanoTime();
            PrivateBuild.build(tmp, producer, meta);
            long t1 = System.nanoTime();
            CacheWriter.copyIn(db, tmp);
            phases(t0, t1);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void r4(Path db, Consumer<RowSink> producer, BuiltCache meta) throws Exception {
        Path tmp = db.resolveSibling(db.getFileName() + ".build-" + UUID.randomUUID());
        try {
            long t0 = System.nanoTime();
            PrivateBuild.build(tmp, producer, meta);
            long t1 = System.nanoTime();
            // (a real R4 would also have to copy the DB-only tables into tmp first, racing with their writers)
            try (Connection c = CacheConnections.live(db).getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("restore from " + tmp.toAbsolutePath());
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            phases(t0, t1);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
