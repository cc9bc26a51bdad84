package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.SourceFile;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Pass 1: turns each line a {@link LogReader} hands over into one {@link EventIndex} entry (entity, merge key, file
 * position), through the lean scan when it can ({@link LeanLine}) and the strict record otherwise.
 *
 * <p>The entries go to a {@link Target}: straight into the index ({@link #IndexingVisitor(boolean, EventIndex,
 * EntityTable)}), or into batches that another thread interns in the same order ({@link ReadAhead}).
 */
final class IndexingVisitor implements LogReader.Visitor {

    /** Receives each indexed event, in reading order, with its entity still as (family, key). */
    interface Target {
        void add(Family family, String key, int type, long ts, int rank, long seq, int lineIndex, int fileId,
                long offset, int length, long lineNumber, boolean validated) throws IOException;
    }

    private final boolean v2;
    private final Target target;
    private final LeanLine lean = new LeanLine();

    /** Indexes straight into {@code index}, interning entities in {@code entities}. */
    IndexingVisitor(boolean v2, EventIndex index, EntityTable entities) {
        this(v2, (family, key, type, ts, rank, seq, lineIndex, fileId, offset, length, lineNumber, validated) ->
                index.add(type, entities.intern(family, key), ts, rank, seq, lineIndex, fileId, offset, length,
                        lineNumber, validated));
    }

    IndexingVisitor(boolean v2, Target target) {
        this.v2 = v2;
        this.target = target;
    }

    @Override
    public boolean accepts(SourceFile source, RecordType type) {
        return ChannelFold.consumes(v2, source, type);
    }

    @Override
    public boolean tryLean(SourceFile source, byte[] line, int length, int lineIndex, long lineNumber, long offset)
            throws IOException {
        if (!lean.scan(line, 0, length) || !(lean.get("type") instanceof String typeName)) {
            return false;
        }
        RecordType type = RecordType.fromWireName(typeName);
        if (type == null || !ChannelFold.consumes(v2, source, type)) {
            return false; // unknown and unconsumed types are counted/checked by the reader as before
        }
        add(source, type, lean::get, lineIndex, lineNumber, offset, length, false);
        return true;
    }

    @Override
    public void onRecord(SourceFile source, RecordType type, Map<String, Object> fields, int lineIndex,
            long lineNumber, long offset, int length) throws IOException {
        add(source, type, fields::get, lineIndex, lineNumber, offset, length, true);
    }

    private void add(SourceFile source, RecordType type, Function<String, Object> fields, int lineIndex,
            long lineNumber, long offset, int length, boolean validated) throws IOException {
        Family family = Family.of(type);
        String key = Family.key(type, fields);
        boolean merged = v2 && !source.isRuntime();
        long ts = merged ? ChannelFold.mergeTimestamp(type, fields) : 0;
        long seq = merged && fields.apply("seq") instanceof Long s ? s : lineIndex;
        target.add(family, key, type.ordinal(), ts, source.machineRank(), seq, lineIndex, source.id(), offset,
                length, lineNumber, validated);
    }
}
