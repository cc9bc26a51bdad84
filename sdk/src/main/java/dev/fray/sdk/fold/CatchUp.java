package dev.fray.sdk.fold;

import dev.fray.sdk.cache.rows.AgentDescriptorRow;
import dev.fray.sdk.cache.rows.CacheRow;
import dev.fray.sdk.cache.rows.MessageRow;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.LineFetcher;
import dev.fray.sdk.read.LineScanner;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.ReadReport;
import dev.fray.sdk.read.SourceFile;
import dev.fray.sdk.read.SourceListing;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.StorageBackend.LogStat;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catch-up: brings a cache built from earlier, shorter logs up to date by reading only the bytes appended since
 * (logs are append-only) and re-folding only the entities those lines touch, each with ALL its events (the earlier
 * ones found through the {@link PersistedIndex}). Because every entity folds independently (reference §3), the rows
 * of the other entities are unchanged; the cross-entity facts (synthetic agents, GUID collisions) are updated from
 * the persisted state. The result is a patch: the affected entities' old rows to delete and new rows to insert.
 *
 * <p>Anything this cannot do exactly gives a reason instead, and the caller rebuilds in full: no or mismatched
 * index, a log that shrank, disappeared or whose read prefix changed, a new machine (ranks and file ids would move),
 * a line already read now falling under the torn-tail rule, changes to the machine-local runtime agents, or a
 * synthetic agent whose first/last message went away.
 */
public final class CatchUp {

    /** Above this many events read since the last full rebuild, rebuild in full instead (keeps catch-ups cheap). */
    static final int MAX_DELTA_EVENTS = 200_000;

    /** At most this many old lines are kept decoded between the old and the new fold (bounds memory). */
    static final int MAX_REMEMBERED_LINES = 50_000;

    private CatchUp() {
    }

    /** A patch of the cache, or the reason a full rebuild is needed. */
    public sealed interface Outcome permits Patch, Refused {
    }

    /** Delete {@code deletes} (by primary key), then insert {@code inserts}; record {@code token}. */
    public record Patch(List<CacheRow> deletes, List<CacheRow> inserts, FoldResult fold, long token,
            Commit commit) implements Outcome {
    }

    /** Writes the new catch-up state; call after the cache transaction committed. */
    @FunctionalInterface
    public interface Commit {
        void run() throws IOException;
    }

    public record Refused(String reason) implements Outcome {
    }

    /**
     * Catches up a cache that carries event index token {@code cacheToken}; {@code newToken} identifies the result.
     * Refused unless the index state on disk carries the same token: the cache and the index are written in two
     * steps, and a crash (or failure) between them must not be trusted.
     */
    public static Outcome run(DirectoryStorageBackend backend, StorageVersion version, long cacheToken,
            long newToken) throws IOException {
        long t0 = System.nanoTime();
        ChannelPaths paths = backend.paths();
        boolean v2 = version.isMultiMachine();
        PersistedIndex.State state = PersistedIndex.readState(paths.eventIndexState());
        if (state == null || state.token != cacheToken) {
            return new Refused("no event index matching the cache");
        }
        PersistedIndex.Base base = PersistedIndex.Base.open(paths.eventIndex());
        if (base == null || base.token != state.baseToken) {
            return new Refused("no event index matching its state");
        }
        if (state.deltaEvents > Math.max(MAX_DELTA_EVENTS, base.eventCount / 4)) {
            return new Refused(state.deltaEvents + " events read since the last full rebuild");
        }
        SourceListing listing = SourceListing.of(backend, version);
        List<SourceFile> sources = listing.sources();
        if (sources.size() != state.sources.size()) {
            return new Refused("the set of logs changed (a machine appeared or disappeared)");
        }
        ReadReport.Builder report = new ReadReport.Builder();
        report.conflictCopies(listing.conflictCopies());
        LogReader reader = new LogReader(backend, report);
        EventIndex fresh = new EventIndex();
        EntityTable entities = new EntityTable();
        IndexingVisitor visitor = new IndexingVisitor(v2, fresh, entities);
        List<PersistedIndex.Progress> progress = new ArrayList<>();
        for (SourceFile source : sources) {
            PersistedIndex.Progress before = state.sources.get(source.id());
            if (!before.source().equals(PersistedIndex.sourceName(source))) {
                return new Refused("the set of logs changed (" + before.source() + " is now "
                        + PersistedIndex.sourceName(source) + ")");
            }
            LogStat stat = backend.stat(source.address());
            long resume = before.resumeOffset();
            if (!stat.exists()) {
                if (resume > 0 || before.lines() > 0) {
                    return new Refused(before.source() + " disappeared");
                }
                progress.add(before);
                continue;
            }
            if (stat.size() < resume) {
                return new Refused(before.source() + " shrank");
            }
            if (resume > 0 || before.lines() > 0) {
                try (FileChannel ch = FileChannel.open(backend.pathOf(source.address()), StandardOpenOption.READ)) {
                    if (!Arrays.equals(PersistedIndex.fingerprint(ch, resume), before.fingerprint())) {
                        return new Refused(before.source() + " changed before the end of what was read");
                    }
                }
            }
            if (stat.size() == resume) {
                progress.add(before);
                report.fileSeen(reader.displayName(source));
                continue;
            }
            LineScanner.Result scan = reader.read(source, resume, before.lines() + 1, before.nonBlankLines(),
                    visitor);
            if (scan == null) {
                return new Refused(before.source() + " disappeared");
            }
            if (scan.resumeOffset() < 0) {
                return new Refused(before.source() + ": a line read before is now an unfinished last line");
            }
            progress.add(PersistedIndex.progress(backend, source, scan));
        }
        for (int e = 0; e < entities.size(); e++) {
            if (entities.family(e) == Family.AGENT) {
                return new Refused("machine-local runtime agents changed");
            }
        }

        // old events of every affected entity, then old + new
        // one index: the old events of every affected entity, then the new ones; the old fold walks the same merge
        // order restricted to the old events (the order is total, so that is the order they would sort in alone)
        EventIndex combined = new EventIndex();
        BitSet fromBase = new BitSet();
        for (int e = 0; e < entities.size(); e++) {
            Family family = entities.family(e);
            for (PersistedIndex.StoredEvent ev : base.events(family, entities.key(e))) {
                fromBase.set(combined.size());
                ev.addTo(combined, e);
            }
            for (PersistedIndex.StoredEvent ev : state.delta.getOrDefault(deltaKey(family, entities.key(e)),
                    List.of())) {
                ev.addTo(combined, e);
            }
        }
        int oldCount = combined.size();
        for (int i = 0; i < fresh.size(); i++) {
            combined.add(fresh.type(i), fresh.entity(i), fresh.ts(i), fresh.machineRank(i), fresh.seq(i),
                    fresh.lineIndex(i), fresh.fileId(i), fresh.offset(i), fresh.length(i), fresh.lineNumber(i),
                    fresh.validated(i));
        }
        long t1 = System.nanoTime();
        int[] newOrder = combined.sortedOrder();
        int[] oldOrder = java.util.Arrays.stream(newOrder).filter(ev -> ev < oldCount).toArray();
        long t2 = System.nanoTime();

        List<CacheRow> oldRows = new ArrayList<>();
        List<CacheRow> newRows = new ArrayList<>();
        FoldContext before = new FoldContext(oldRows::add, v2);
        FoldContext after = new FoldContext(newRows::add, v2);
        BitSet rejected = new BitSet();
        try (LineFetcher fetcher = new LineFetcher(backend)) {
            // both folds read the old lines: decode each once (the folds copy a line's map before changing it)
            LineDecoder decoder = LineDecoder.remembering(combined, sources, fetcher,
                    Math.min(oldCount, MAX_REMEMBERED_LINES));
            LogReader quiet = new LogReader(backend, new ReadReport.Builder());
            ChannelFold.foldGroups(combined, oldOrder, entities::key, entities::family, before, decoder, quiet,
                    new ReadReport.Builder(), sources, v2, new BitSet());
            ChannelFold.foldGroups(combined, newOrder, entities::key, entities::family, after, decoder, reader,
                    report, sources, v2, rejected);
        }

        // cross-entity facts
        // new rows first, so an entity whose author and time stay the same never empties a min/max count
        SyntheticAgents agents = state.agents.copy();
        for (CacheRow row : oldRows) {
            if (row instanceof AgentDescriptorRow d) {
                agents.descriptors.remove(d.agentId());
            }
        }
        for (CacheRow row : newRows) {
            if (row instanceof MessageRow m && v2) {
                agents.noteAuthor(m.fromAgent(), m.ts());
            }
            if (row instanceof AgentDescriptorRow d) {
                agents.noteDescriptor(d.agentId(), Fields.normalizeTs(d.updatedAt()));
            }
        }
        for (CacheRow row : oldRows) {
            if (row instanceof MessageRow m && v2 && !agents.forgetAuthor(m.fromAgent(), m.ts())) {
                return new Refused("the first or last message of author " + m.fromAgent() + " changed");
            }
        }
        List<CacheRow> deletes = new ArrayList<>(oldRows);
        List<CacheRow> inserts = new ArrayList<>(newRows);
        if (v2) {
            List<CacheRow> oldSynthetic = new ArrayList<>();
            List<CacheRow> newSynthetic = new ArrayList<>();
            state.agents.emit(new FoldContext(oldSynthetic::add, true));
            agents.emit(new FoldContext(newSynthetic::add, true));
            deletes.addAll(oldSynthetic);
            inserts.addAll(newSynthetic);
        }
        // a row deleted and inserted the same is left alone (rows are records: equal content, equal rows)
        Set<CacheRow> inserted = new HashSet<>(inserts);
        Set<CacheRow> unchanged = new HashSet<>();
        List<CacheRow> changedDeletes = new ArrayList<>(deletes.size());
        for (CacheRow row : deletes) {
            if (inserted.contains(row)) {
                unchanged.add(row);
            } else {
                changedDeletes.add(row);
            }
        }
        deletes = changedDeletes;
        if (!unchanged.isEmpty()) {
            inserts.removeIf(unchanged::contains);
        }

        PersistedIndex.State next = new PersistedIndex.State();
        next.token = newToken;
        next.baseToken = state.baseToken;
        next.sources = progress;
        next.agents = agents;
        next.collisions.putAll(state.collisions);
        for (int e = 0; e < entities.size(); e++) {
            String type = switch (entities.family(e)) {
                case MESSAGE -> "message";
                case THREAD -> "thread";
                case QUESTION -> "question";
                default -> null;
            };
            if (type != null) {
                next.collisions.remove(PersistedIndex.collisionKey(type, entities.key(e)));
            }
        }
        for (GuidCollision c : after.collisions) {
            next.collisions.put(PersistedIndex.collisionKey(c.type(), c.guid()), c);
        }
        next.delta.putAll(state.delta);
        next.deltaEvents = state.deltaEvents;
        for (int i = oldCount; i < combined.size(); i++) {
            if (rejected.get(i)) {
                continue;
            }
            next.deltaEvents++;
            int e = combined.entity(i);
            if (!entities.family(e).lastEventWins()) {
                next.delta.computeIfAbsent(deltaKey(entities.family(e), entities.key(e)), k -> new ArrayList<>())
                        .add(PersistedIndex.StoredEvent.of(combined, i));
            }
        }
        keepLastEventDeltas(combined, newOrder, entities, fromBase, after.lastEventWinners, next.delta);
        List<GuidCollision> collisions = new ArrayList<>(next.collisions.values());
        collisions.sort(Comparator.comparing(GuidCollision::type, Utf8Order::compare)
                .thenComparing(GuidCollision::guid, Utf8Order::compare));
        long t3 = System.nanoTime();
        FoldResult fold = new FoldResult(version, report.build(), List.copyOf(collisions),
                Map.copyOf(after.rowsPerTable), fresh.size(), new FoldResult.Timing(Duration.ofNanos(t1 - t0),
                        Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2), Duration.ofNanos(t3 - t0)));
        return new Patch(deletes, inserts, fold, newToken,
                () -> PersistedIndex.writeState(paths, next, paths.eventIndexState()));
    }

    private static String deltaKey(Family family, String key) {
        return (char) ('A' + family.ordinal()) + key;
    }

    /**
     * The delta of a last-event-wins entity keeps only what a later catch-up can still need: the event that decided
     * it, unless the base holds that one. The events after it in merge order were all rejected or took no effect,
     * and neither can change later; the ones before it can never win again. Without this, one agent's cursor in a
     * busy room would add every move to every later catch-up until the next full rebuild.
     */
    private static void keepLastEventDeltas(EventIndex combined, int[] order, EntityTable entities, BitSet fromBase,
            BitSet winners, Map<String, List<PersistedIndex.StoredEvent>> delta) {
        int i = 0;
        while (i < order.length) {
            int entity = combined.entity(order[i]);
            Family family = entities.family(entity);
            String key = deltaKey(family, entities.key(entity));
            if (family.lastEventWins()) {
                delta.remove(key);
            }
            for (; i < order.length && combined.entity(order[i]) == entity; i++) {
                int ev = order[i];
                if (family.lastEventWins() && winners.get(ev) && !fromBase.get(ev)) {
                    delta.put(key, List.of(PersistedIndex.StoredEvent.of(combined, ev)));
                }
            }
        }
    }
}
