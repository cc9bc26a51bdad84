package dev.fray.sdk.query;

import dev.fray.sdk.cache.CacheConnections;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.Utf8Order;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Read-only queries over the cache, through Jdbi on read-only connections. Every listing has an explicit,
 * deterministic order (documented per method); ties are broken by guid/id in byte order. Queries that combine several
 * statements run in one read transaction, so they see a single snapshot even while a rebuild commits.
 */
public final class CacheQueries {

    private static final int IN_CHUNK = 500;
    private static final String MESSAGE_COLUMNS = "m.guid, m.ts, m.channel_id, m.home, m.from_agent, m.origin,"
            + " m.session_id, m.body, m.mentions, m.fork_sessions, m.type, m.\"references\", m.surface_message,"
            + " m.reply_to, m.quote_message_guid, m.edited_at, m.archived_at, m.reactions";

    private final Jdbi jdbi;

    /** Queries over the cache file {@code db} (which must exist when a query runs). */
    public CacheQueries(Path db) {
        this.jdbi = Jdbi.create(CacheConnections.readOnly(db));
    }

    public static CacheQueries of(ChannelPaths paths) {
        return new CacheQueries(paths.cacheDb());
    }

    // ---------------------------------------------------------------------------------------------- messages

    /** Messages whose home is the room, ordered {@code ts ASC, guid ASC}. */
    public List<MessageView> roomMessages(MessageQuery q) {
        return listMessages("COALESCE(m.home, 'room') = 'room'", Map.of(), q);
    }

    /**
     * Messages of a thread: those whose home is the thread plus those added to its playlist
     * ({@code fray_thread_messages}), ordered {@code ts ASC, guid ASC}.
     */
    public List<MessageView> threadMessages(String threadGuid, MessageQuery q) {
        return listMessages("(m.home = :thread OR m.guid IN (SELECT tm.message_guid FROM fray_thread_messages tm"
                + " WHERE tm.thread_guid = :thread))", Map.of("thread", threadGuid), q);
    }

    /** One message (archived or not) with its combined reactions. */
    public Optional<MessageView> message(String guid) {
        return jdbi.inTransaction(h -> {
            List<StoredMessage> found = h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM fray_messages m"
                    + " WHERE m.guid = :guid").bind("guid", guid).map((rs, ctx) -> message(rs)).list();
            return withReactions(h, found).stream().findFirst();
        });
    }

    /**
     * Messages that mention the rule's agent on the rule's machine ({@link MentionRoutingRule}), in any home,
     * ordered {@code ts ASC, guid ASC}. A SQL prefilter over {@code json_each(mentions)} narrows the rows; the exact
     * rule is applied in Java, then the query's limit.
     */
    public List<MessageView> mentionsOf(MentionRoutingRule rule, MessageQuery q) {
        String where = "EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(m.mentions) THEN m.mentions"
                + " ELSE '[]' END) j WHERE j.type = 'text' AND " + MentionRoutingRule.sqlPrefilter("j.value") + ")";
        return jdbi.inTransaction(h -> {
            List<StoredMessage> candidates = selectMessages(h, where, Map.of("agent", rule.agentId()),
                    q.withLimit(0));
            List<StoredMessage> matching = candidates.stream()
                    .filter(m -> m.view().mentions().stream().anyMatch(rule::addresses)).toList();
            return withReactions(h, applyLimit(matching, q));
        });
    }

    // ---------------------------------------------------------------------------------------------- threads

    /** All threads, ordered {@code created_at ASC, guid ASC}, each with its subscribers. */
    public List<ThreadView> threads() {
        return jdbi.inTransaction(h -> {
            Map<String, List<String>> subscribers = new HashMap<>();
            h.createQuery("SELECT thread_guid, agent_id FROM fray_thread_subscriptions")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> subscribers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            subscribers.values().forEach(list -> list.sort(Utf8Order::compare));
            return h.createQuery("SELECT guid, name, parent_thread, status, type, created_at, anchor_message_guid,"
                            + " anchor_hidden, last_activity_at FROM fray_threads ORDER BY created_at ASC, guid ASC")
                    .map((rs, ctx) -> new ThreadView(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8) != 0,
                            nullableLong(rs, 9), subscribers.getOrDefault(rs.getString(1), List.of())))
                    .list();
        });
    }

    /** One thread with its subscribers. */
    public Optional<ThreadView> thread(String guid) {
        return threads().stream().filter(t -> t.guid().equals(guid)).findFirst();
    }

    /** Messages pinned in a thread, ordered {@code pinned_at ASC, message_guid ASC}. */
    public List<MessagePinView> messagePins(String threadGuid) {
        return jdbi.withHandle(h -> h.createQuery("SELECT message_guid, thread_guid, pinned_by, pinned_at"
                        + " FROM fray_message_pins WHERE thread_guid = :thread"
                        + " ORDER BY pinned_at ASC, message_guid ASC")
                .bind("thread", threadGuid)
                .map((rs, ctx) -> new MessagePinView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list());
    }

    /** Pinned threads, ordered {@code pinned_at ASC, thread_guid ASC}. */
    public List<ThreadPinView> threadPins() {
        return jdbi.withHandle(h -> h.createQuery("SELECT thread_guid, pinned_by, pinned_at FROM fray_thread_pins"
                        + " ORDER BY pinned_at ASC, thread_guid ASC")
                .map((rs, ctx) -> new ThreadPinView(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list());
    }

    /** Thread mutes of one agent, ordered {@code muted_at ASC, thread_guid ASC}; expiry is not evaluated. */
    public List<MuteView> mutes(String agentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT thread_guid, agent_id, muted_at, expires_at"
                        + " FROM fray_thread_mutes WHERE agent_id = :agent ORDER BY muted_at ASC, thread_guid ASC")
                .bind("agent", agentId)
                .map((rs, ctx) -> new MuteView(rs.getString(1), rs.getString(2), rs.getLong(3), nullableLong(rs, 4)))
                .list());
    }

    // ---------------------------------------------------------------------------------------------- questions

    /** Questions with the given status ({@code unasked}, {@code open}, {@code answered}, …), ordered by creation. */
    public List<QuestionView> questions(String status) {
        return jdbi.withHandle(h -> h.createQuery("SELECT guid, re, from_agent, to_agent, status, thread_guid,"
                        + " asked_in, answered_in, options, created_at FROM fray_questions WHERE status = :status"
                        + " ORDER BY created_at ASC, guid ASC")
                .bind("status", status)
                .map((rs, ctx) -> new QuestionView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getLong(10)))
                .list());
    }

    // ---------------------------------------------------------------------------------------------- agents

    /** All agents with their descriptors (if any), ordered by {@code agent_id}. */
    public List<AgentView> agents() {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.guid, a.agent_id, a.status, a.purpose, a.avatar,"
                        + " a.registered_at, a.last_seen, a.left_at, a.managed, a.presence, d.display_name,"
                        + " d.capabilities FROM fray_agents a"
                        + " LEFT JOIN fray_agent_descriptors d ON d.agent_id = a.agent_id ORDER BY a.agent_id ASC")
                .map((rs, ctx) -> new AgentView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), nullableLong(rs, 8), rs.getInt(9) != 0,
                        rs.getString(10), rs.getString(11), rs.getString(12)))
                .list());
    }

    /** The display rule's inputs: which agents posted from more than one distinct non-empty origin (§5.3). */
    public AuthorLabels authorLabels() {
        return jdbi.withHandle(h -> new AuthorLabels(new HashSet<>(h.createQuery("SELECT from_agent"
                        + " FROM fray_messages WHERE origin IS NOT NULL AND origin != ''"
                        + " GROUP BY from_agent HAVING COUNT(DISTINCT origin) > 1")
                .mapTo(String.class).list())));
    }

    /** A {@code fray_config} value. */
    public Optional<String> config(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM fray_config WHERE key = :key")
                .bind("key", key).mapTo(String.class).findOne());
    }

    // ---------------------------------------------------------------------------------------------- internals

    private List<MessageView> listMessages(String scope, Map<String, Object> binds, MessageQuery q) {
        return jdbi.inTransaction(h -> withReactions(h, selectMessages(h, scope, binds, q)));
    }

    private static List<StoredMessage> selectMessages(Handle h, String scope, Map<String, Object> binds,
            MessageQuery q) {
        StringBuilder where = new StringBuilder(scope);
        if (!q.includeArchived()) {
            where.append(" AND m.archived_at IS NULL");
        }
        if (q.hasCursor()) {
            where.append(" AND (m.ts > :sinceTs OR (m.ts = :sinceTs AND m.guid > :sinceGuid))");
        }
        String sql;
        if (q.limit() > 0 && !q.hasCursor()) {
            // the latest N, returned in ascending order
            sql = "SELECT m.* FROM (SELECT " + MESSAGE_COLUMNS + " FROM fray_messages m WHERE " + where
                    + " ORDER BY m.ts DESC, m.guid DESC LIMIT :limit) m ORDER BY m.ts ASC, m.guid ASC";
        } else {
            sql = "SELECT " + MESSAGE_COLUMNS + " FROM fray_messages m WHERE " + where
                    + " ORDER BY m.ts ASC, m.guid ASC" + (q.limit() > 0 ? " LIMIT :limit" : "");
        }
        Query query = h.createQuery(sql);
        binds.forEach(query::bind);
        if (q.hasCursor()) {
            query.bind("sinceTs", q.sinceTs()).bind("sinceGuid", q.sinceGuid());
        }
        if (q.limit() > 0) {
            query.bind("limit", q.limit());
        }
        return query.map((rs, ctx) -> message(rs)).list();
    }

    private static <T> List<T> applyLimit(List<T> ordered, MessageQuery q) {
        if (q.limit() == 0 || ordered.size() <= q.limit()) {
            return ordered;
        }
        return q.hasCursor() ? ordered.subList(0, q.limit()) : ordered.subList(ordered.size() - q.limit(),
                ordered.size());
    }

    /** A message row before reaction combination: the view plus its stored legacy reaction map. */
    private record StoredMessage(MessageView view, String legacyReactions) {
    }

    /** Attaches combined reactions (§3.5.3), reading the {@code fray_reactions} rows of the messages in chunks. */
    private static List<MessageView> withReactions(Handle h, List<StoredMessage> messages) {
        Map<String, List<ReactionView>> rows = new HashMap<>();
        for (int i = 0; i < messages.size(); i += IN_CHUNK) {
            List<String> guids = messages.subList(i, Math.min(messages.size(), i + IN_CHUNK)).stream()
                    .map(m -> m.view().guid()).toList();
            h.createQuery("SELECT message_guid, emoji, agent_id, reacted_at FROM fray_reactions"
                            + " WHERE message_guid IN (<guids>)")
                    .bindList("guids", guids)
                    .map((rs, ctx) -> Map.entry(rs.getString(1),
                            new ReactionView(rs.getString(2), rs.getString(3), rs.getLong(4))))
                    .forEach(e -> rows.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        List<MessageView> out = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            String guid = m.view().guid();
            out.add(m.view().withReactions(ReactionCombiner.combine(guid, m.legacyReactions(),
                    rows.getOrDefault(guid, List.of()))));
        }
        return out;
    }

    private static StoredMessage message(ResultSet rs) throws SQLException {
        String guid = rs.getString(1);
        MessageView view = new MessageView(guid, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), ReactionCombiner.mentions(guid, rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), nullableLong(rs, 16), nullableLong(rs, 17), List.of());
        return new StoredMessage(view, rs.getString(18));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
