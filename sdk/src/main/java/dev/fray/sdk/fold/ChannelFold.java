package dev.fray.sdk.fold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fray.sdk.cache.RowSink;
import dev.fray.sdk.cache.rows.ConfigRow;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.LineFetcher;
import dev.fray.sdk.read.LineScanner;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.ReadReport;
import dev.fray.sdk.read.SourceFile;
import dev.fray.sdk.read.SourceListing;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Rebuilds a channel's cache rows from its logs, deterministically, in memory bounded by the number of distinct
 * entities rather than events. The entry point of the fold; see {@link #run}.
 *
 * <p>How: <b>pass 1</b> streams every log once (canonical order, {@link SourceListing}), reads from each line only
 * the fields the index needs ({@link LeanLine}; the strict decoder for anything unusual) and keeps only a ~53-byte
 * {@link EventIndex} entry per folded record (type, interned entity, merge key, byte offset and length). The index is
 * sorted by (entity, merge key): a counting sort by entity, then a primitive merge sort per entity.
 * <b>Pass 2</b> walks the entity groups in that order, re-reads each group's lines by offset, decodes them strictly
 * ({@link LineDecoder}), folds the entity with fray's rules (v1: file order, §3.3; v2: fray's merge order, §3.4) and
 * emits its final rows, then forgets it. The only state kept across entities is one entry per agent (for v2 agent
 * synthesis) and the collisions found.
 *
 * <p>One thread folds; the rows go to SQLite on another ({@code cache.BatchingRowSink}), and the persisted event
 * index is written on a third while the cache is finished ({@link IndexWrite}). Reading and decoding ahead on more
 * threads was tried (a reader thread in pass 1, a decoder thread in pass 2): on two cores it bought nothing once the
 * single-thread costs were down, because the SQLite writer and the JIT compiler keep the second core busy, and it
 * cost CPU (handing freshly built objects to another core).
 *
 * <p>Every fold depends only on the entity's own records in merge order, so the result does not depend on the order
 * logs are listed or arrive in.
 */
public final class ChannelFold {

    private ChannelFold() {
    }

    /**
     * Folds every log of the channel at {@code paths} in layout {@code version} and hands each final cache row to
     * {@code sink} exactly once (rows of all tables, in no particular order; every derived table in full, message
     * pins included). Bad lines are skipped and reported in the result, never silently; only I/O errors throw.
     *
     * <p>The caller writes {@code local/collisions.json} from {@link FoldResult#collisions()} if it wants fray's log
     * ({@link CollisionLog#write}).
     */
    public static FoldResult run(ChannelPaths paths, StorageVersion version, RowSink sink) throws IOException {
        return run(new DirectoryStorageBackend(paths), version, sink);
    }

    /** As {@link #run(ChannelPaths, StorageVersion, RowSink)}, reading through the given backend. */
    public static FoldResult run(DirectoryStorageBackend backend, StorageVersion version, RowSink sink)
            throws IOException {
        return run(backend, version, sink, null);
    }

    /**
     * As {@link #run(DirectoryStorageBackend, StorageVersion, RowSink)}, and also writes the persisted event index
     * that lets a later rebuild catch up with appended lines ({@link CatchUp}); {@code token} identifies this build.
     * The index is written on a thread of its own, still running when this returns: the caller finishes the cache
     * meanwhile, then {@link IndexWrite#await awaits} it, and {@link IndexWrite#close closes} it on every path.
     */
    public static IndexedFold runAndIndex(DirectoryStorageBackend backend, StorageVersion version, RowSink sink,
            long token) throws IOException {
        IndexWrite[] write = new IndexWrite[1];
        try {
            FoldResult result = run(backend, version, sink,
                    pass1 -> write[0] = new IndexWrite(backend, version, pass1, token));
            return new IndexedFold(result, write[0]);
        } catch (IOException | RuntimeException | Error e) {
            if (write[0] != null) {
                write[0].close();
            }
            throw e;
        }
    }

    /** A full fold and the write of its persisted event index, which may still be running. */
    public record IndexedFold(FoldResult fold, IndexWrite index) {
    }

    static FoldResult run(DirectoryStorageBackend backend, StorageVersion version, RowSink sink,
            java.util.function.Consumer<Pass1> persist) throws IOException {
        long t0 = System.nanoTime();
        boolean v2 = version.isMultiMachine();
        ChannelPaths paths = backend.paths();
        SourceListing listing = SourceListing.of(backend, version);
        List<SourceFile> sources = listing.sources();
        ReadReport.Builder report = new ReadReport.Builder();
        report.conflictCopies(listing.conflictCopies());
        LogReader reader = new LogReader(backend, report);

        // pass 1: index
        EventIndex index = new EventIndex();
        EntityTable entities = new EntityTable();
        Map<Integer, LineScanner.Result> scans = new HashMap<>();
        LogReader.Visitor visitor = new IndexingVisitor(v2, index, entities);
        for (SourceFile source : sources) {
            LineScanner.Result scan = reader.read(source, 0, 1, 0, visitor);
            if (scan != null) {
                scans.put(source.id(), scan);
            }
        }
        entities.freeze();
        long t1 = System.nanoTime();

        int[] order = index.sortedOrder();
        long t2 = System.nanoTime();

        // pass 2: fold entity by entity
        FoldContext ctx = new FoldContext(sink, v2);
        BitSet rejected = new BitSet();
        try (LineFetcher fetcher = new LineFetcher(backend)) {
            foldGroups(index, order, entities::key, entities::family, ctx, new LineDecoder(index, sources, fetcher),
                    reader, report, sources, v2, rejected);
        }
        if (persist != null) {
            // a snapshot of what is still changing (agents, collisions): the index may be written on another thread
            persist.accept(new Pass1(index, order, entities, rejected, listing, scans, ctx.agents.copy(),
                    List.copyOf(ctx.collisions)));
        }
        emitConfig(paths, ctx, report);
        if (v2) {
            ctx.agents.emit(ctx);
        }
        ctx.collisions.sort(Comparator.comparing(GuidCollision::type, Utf8Order::compare)
                .thenComparing(GuidCollision::guid, Utf8Order::compare));
        long t3 = System.nanoTime();
        return new FoldResult(version, report.build(), List.copyOf(ctx.collisions), Map.copyOf(ctx.rowsPerTable),
                index.size(), new FoldResult.Timing(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1),
                        Duration.ofNanos(t3 - t2), Duration.ofNanos(t3 - t0)));
    }

    /** What a full fold leaves behind for a persisted event index (see {@link PersistedIndex}). */
    record Pass1(EventIndex index, int[] order, EntityTable entities, BitSet rejected,
            SourceListing listing, Map<Integer, LineScanner.Result> scans, SyntheticAgents agents,
            List<GuidCollision> collisions) {
    }

    /**
     * Pass 2 over the events in {@code order} (grouped by entity, merge order within): re-reads, decodes and folds
     * each entity and emits its rows into {@code ctx}. Lines pass 1 only looked at leanly are validated here and
     * reported through {@code reader}; their positions in the index are set in {@code rejected}.
     */
    static void foldGroups(EventIndex index, int[] order, IntFunction<String> keyOf, IntFunction<Family> familyOf,
            FoldContext ctx, LineDecoder decoder, LogReader reader, ReadReport.Builder report, List<SourceFile> sources,
            boolean v2, BitSet rejected) throws IOException {
        int n = order.length;
        int i = 0;
        while (i < n) {
            int entity = index.entity(order[i]);
            String key = keyOf.apply(entity);
            Family family = familyOf.apply(entity);
            EntityFold fold = newFold(family, v2);
            if (fold instanceof LastEventFold last) {
                int end = i;
                while (end < n && index.entity(order[end]) == entity) {
                    end++;
                }
                foldLastEventGroup(index, order, i, end, last, ctx, decoder, reader, report, sources, rejected);
                i = end;
                continue;
            }
            CollisionTracker collisions = v2 ? collisionTracker(family, key) : null;
            for (; i < n && index.entity(order[i]) == entity; i++) {
                int ev = order[i];
                FoldEvent event = accept(index, ev, decoder.decode(ev), reader, report, sources, rejected);
                if (event == null) {
                    continue;
                }
                RecordType type = event.type();
                if (collisions != null && (type == RecordType.MESSAGE || type == RecordType.THREAD
                        || type == RecordType.QUESTION)) {
                    collisions.record(event);
                }
                fold.apply(event);
            }
            fold.finish(ctx);
            if (collisions != null) {
                collisions.finish(ctx);
            }
        }
    }

    /**
     * A last-event-wins entity (pins, mutes, cursors, faves, roles, descriptors): its row depends only on the last
     * event in merge order that takes effect, so lines already validated are decoded from the end backwards until
     * one takes effect. Lines not validated yet are all decoded first, so every bad line is still reported. In a
     * full rebuild most lines are unvalidated and this changes little; in a catch-up, where old lines were validated
     * by the build that indexed them, an entity with thousands of events (one agent's cursor in the room) costs one
     * decode instead of thousands.
     */
    private static void foldLastEventGroup(EventIndex index, int[] order, int from, int to, LastEventFold fold,
            FoldContext ctx, LineDecoder decoder, LogReader reader, ReadReport.Builder report,
            List<SourceFile> sources, BitSet rejected) throws IOException {
        FoldEvent[] decoded = new FoldEvent[to - from];
        for (int k = from; k < to; k++) {
            if (!index.validated(order[k])) {
                decoded[k - from] = accept(index, order[k], decoder.decode(order[k]), reader, report, sources,
                        rejected);
            }
        }
        for (int k = to - 1; k >= from; k--) {
            int ev = order[k];
            FoldEvent event = index.validated(ev)
                    ? accept(index, ev, decoder.decode(ev), reader, report, sources, rejected)
                    : decoded[k - from];
            if (event != null && fold.takesEffect(event)) {
                fold.apply(event);
                ctx.lastEventWinners.set(ev);
                break;
            }
        }
        fold.finish(ctx);
    }

    /**
     * The event of a decoded line, or {@code null} (and marked in {@code rejected}) when the line cannot be used; a
     * line not validated yet gets its warning here, with its file and line.
     */
    private static FoldEvent accept(EventIndex index, int ev, DecodedLine line, LogReader reader,
            ReadReport.Builder report, List<SourceFile> sources, BitSet rejected) {
        SourceFile source = sources.get(index.fileId(ev));
        String why;
        if (line.decodeError() != null) {
            if (index.validated(ev)) {
                report.warn(reader.displayName(source), 0,
                        "line at byte " + index.offset(ev) + " changed while rebuilding; skipped");
                rejected.set(ev);
                return null;
            }
            why = line.decodeError() + "; line skipped";
        } else {
            why = index.validated(ev) ? null : line.rejection();
        }
        if (why != null) {
            reader.reportRejected(source, index.lineNumber(ev), why);
            rejected.set(ev);
            return null;
        }
        return line.event();
    }

    /**
     * Which records take part in the fold. v1: each type from its v1 log ({@code agent_descriptor} is not read in
     * v1). v2: each shared type from its v2 log in every machine directory, and message pins from both
     * {@code threads.jsonl} (fray) and {@code messages.jsonl} (where migration leaves them; fray ignores those);
     * agents only from {@code local/runtime.jsonl}, where {@code presence_event} is not applied.
     */
    static boolean consumes(boolean v2, SourceFile source, RecordType type) {
        Family family = Family.of(type);
        if (family == null) {
            return false;
        }
        if (!v2) {
            return type != RecordType.AGENT_DESCRIPTOR && source.log() == type.v1File();
        }
        if (source.isRuntime()) {
            return type == RecordType.AGENT || type == RecordType.AGENT_UPDATE;
        }
        if (family == Family.AGENT) {
            return false;
        }
        if (family == Family.MESSAGE_PIN) {
            return source.log() == LogFile.THREADS || source.log() == LogFile.MESSAGES;
        }
        return type.v2File() == source.log();
    }

    /** fray's ordering timestamp: the first of the type's fields holding a non-null integer, else 0 (raw, not normalised). */
    static long mergeTimestamp(RecordType type, Map<String, Object> fields) {
        return mergeTimestamp(type, (Function<String, Object>) fields::get);
    }

    static long mergeTimestamp(RecordType type, Function<String, Object> fields) {
        for (String field : type.mergeTimestampFields()) {
            if (fields.apply(field) instanceof Long ts) {
                return ts;
            }
        }
        return 0;
    }

    static EntityFold newFold(Family family, boolean v2) {
        if (family.lastEventWins()) {
            return new LastEventFold(family);
        }
        return switch (family) {
            case MESSAGE -> new MessageFold(v2);
            case THREAD -> new ThreadFold(v2);
            case QUESTION -> new QuestionFold(v2);
            case AGENT -> new AgentFold();
            case REACTION -> new ReactionFold();
            default -> throw new IllegalStateException(family.name());
        };
    }

    static CollisionTracker collisionTracker(Family family, String guid) {
        return switch (family) {
            case MESSAGE -> new CollisionTracker("message", guid);
            case THREAD -> new CollisionTracker("thread", guid);
            case QUESTION -> new CollisionTracker("question", guid);
            default -> null;
        };
    }

    /** {@code fray_config}: channel_id and channel_name from fray-config.json, when channel_id is set. */
    static void emitConfig(ChannelPaths paths, FoldContext ctx, ReadReport.Builder report) {
        if (!Files.isRegularFile(paths.config())) {
            return;
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(paths.config().toFile());
        } catch (IOException e) {
            report.warn(paths.config().toString(), 0, "unreadable config, channel id not set: " + e.getMessage());
            return;
        }
        JsonNode id = config == null ? null : config.get("channel_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            return;
        }
        ctx.emit(new ConfigRow("channel_id", id.asText()));
        JsonNode name = config.get("channel_name");
        if (name != null && name.isTextual() && !name.asText().isEmpty()) {
            ctx.emit(new ConfigRow("channel_name", name.asText()));
        }
    }
}
