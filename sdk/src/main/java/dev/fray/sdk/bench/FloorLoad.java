package dev.fray.sdk.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fray.sdk.cache.CacheSchema;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The floor a rebuild is measured against: read every line of every machine's logs with Jackson's streaming parser
 * (every value materialised) and insert one row per entity record ({@code message}, {@code reaction},
 * {@code thread}, {@code question}) into the same schema, in one transaction with batched statements, indexes built
 * after the load — with no merging, no ordering and no folding. Nothing a correct rebuild does can be cheaper.
 */
public final class FloorLoad {

    private static final JsonFactory JSON = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();
    private static final int BATCH = 1000;

    private FloorLoad() {
    }

    /** Loads the logs of the v2 channel at {@code paths} into a fresh database {@code db}; returns lines read. */
    public static long run(ChannelPaths paths, Path db) throws IOException, SQLException {
        Files.deleteIfExists(db);
        long lines = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db
                + "?journal_mode=OFF&synchronous=OFF&temp_store=MEMORY&cache_size=-65536")) {
            c.setAutoCommit(false);
            CacheSchema.recreateDerivedTables(c);
            try (Inserts inserts = new Inserts(c); Stream<Path> machines = Files.list(paths.machinesDir())) {
                for (Path machine : machines.sorted().toList()) {
                    for (LogFile log : LogFile.SHARED_V2) {
                        Path file = machine.resolve(log.fileName());
                        if (Files.exists(file)) {
                            lines += load(file, inserts);
                        }
                    }
                }
                inserts.flush();
            }
            CacheSchema.createDerivedIndexes(c);
            c.commit();
        }
        return lines;
    }

    private static long load(Path file, Inserts inserts) throws IOException, SQLException {
        long lines = 0;
        Map<String, Object> fields = new HashMap<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                fields.clear();
                readObject(p, fields);
                lines++;
                inserts.add(fields);
            }
        }
        return lines;
    }

    private static void readObject(JsonParser p, Map<String, Object> fields) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (t) {
                case VALUE_STRING -> fields.put(name, p.getText());
                case VALUE_NUMBER_INT -> fields.put(name, p.getLongValue());
                case VALUE_TRUE, VALUE_FALSE -> fields.put(name, t == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> fields.put(name, null);
                case START_ARRAY, START_OBJECT -> fields.put(name, p.readValueAsTree().toString());
                default -> p.skipChildren();
            }
        }
    }

    /** One batched statement per table. */
    private static final class Inserts implements AutoCloseable {
        private final PreparedStatement messages;
        private final PreparedStatement reactions;
        private final PreparedStatement threads;
        private final PreparedStatement questions;
        private final int[] pending = new int[4];

        Inserts(Connection c) throws SQLException {
            messages = c.prepareStatement("INSERT OR REPLACE INTO fray_messages (guid, ts, channel_id, home, "
                    + "from_agent, origin, body, mentions, type, reply_to, edited_at, archived_at, reactions) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'{}')");
            reactions = c.prepareStatement("INSERT OR IGNORE INTO fray_reactions VALUES (?,?,?,?)");
            threads = c.prepareStatement("INSERT OR REPLACE INTO fray_threads (guid, name, parent_thread, status, "
                    + "type, created_at) VALUES (?,?,?,?,?,?)");
            questions = c.prepareStatement("INSERT OR REPLACE INTO fray_questions (guid, re, from_agent, to_agent, "
                    + "status, created_at) VALUES (?,?,?,?,?,?)");
        }

        void add(Map<String, Object> f) throws SQLException {
            switch (String.valueOf(f.get("type"))) {
                case "message" -> {
                    bind(messages, f, "id", "ts", "channel_id", "home", "from_agent", "origin", "body", "mentions",
                            "message_type", "reply_to", "edited_at", "archived_at");
                    batch(messages, 0);
                }
                case "reaction" -> {
                    bind(reactions, f, "message_guid", "agent_id", "emoji", "reacted_at");
                    batch(reactions, 1);
                }
                case "thread" -> {
                    bind(threads, f, "guid", "name", "parent_thread", "status", "thread_type", "created_at");
                    batch(threads, 2);
                }
                case "question" -> {
                    bind(questions, f, "guid", "re", "from_agent", "to", "status", "created_at");
                    batch(questions, 3);
                }
                default -> {
                    // updates, deletes and state events: read above, but without a fold there is nothing to apply
                }
            }
        }

        private static void bind(PreparedStatement st, Map<String, Object> f, String... keys) throws SQLException {
            for (int i = 0; i < keys.length; i++) {
                st.setObject(i + 1, f.get(keys[i]));
            }
        }

        private void batch(PreparedStatement st, int slot) throws SQLException {
            st.addBatch();
            if (++pending[slot] == BATCH) {
                st.executeBatch();
                pending[slot] = 0;
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement st : List.of(messages, reactions, threads, questions)) {
                st.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement st : List.of(messages, reactions, threads, questions)) {
                st.close();
            }
        }
    }
}
