package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.SourceFile;
import java.util.Map;
import java.util.function.Function;

/**
 * Pass 1: turns each line a {@link LogReader} hands over into one {@link EventIndex} entry (entity, merge key, file
 * position), through the lean scan when it can ({@link LeanLine}) and the strict record otherwise.
 */
final class IndexingVisitor implements LogReader.Visitor {

    private final boolean v2;
    private final EventIndex index;
    private final EntityTable entities;
    private final LeanLine lean = new LeanLine();

    IndexingVisitor(boolean v2, EventIndex index, EntityTable entities) {
        this.v2 = v2;
        this.index = index;
        this.entities = entities;
    }

    @Override
    public boolean accepts(SourceFile source, RecordType type) {
        return ChannelFold.consumes(v2, source, type);
    }

    @Override
    public boolean tryLean(SourceFile source, byte[] line, int length, int lineIndex, long lineNumber, long offset) {
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
            long lineNumber, long offset, int length) {
        add(source, type, fields::get, lineIndex, lineNumber, offset, length, true);
    }

    private void add(SourceFile source, RecordType type, Function<String, Object> fields, int lineIndex,
            long lineNumber, long offset, int length, boolean validated) {
        Family family = Family.of(type);
        int entity = entities.intern(family, Family.key(type, fields));
        boolean merged = v2 && !source.isRuntime();
        long ts = merged ? ChannelFold.mergeTimestamp(type, fields) : 0;
        long seq = merged && fields.apply("seq") instanceof Long s ? s : lineIndex;
        index.add(type.ordinal(), entity, ts, source.machineRank(), seq, lineIndex, source.id(), offset, length,
                lineNumber, validated);
    }
}
