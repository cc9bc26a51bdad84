package dev.fray.sdk.read;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.StorageBackend.LogStat;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;

/**
 * Reads one log through the {@link dev.fray.spi.StorageBackend} and hands every decodable record to a visitor,
 * reporting everything it skips (reference §3.1, with warnings where fray is silent):
 * <ul>
 *   <li>torn last line (no trailing newline): dropped, warned;</li>
 *   <li>line over 10 MiB: skipped without being held in memory, warned, reading goes on;</li>
 *   <li>not a JSON object / no string {@code type}: skipped, warned;</li>
 *   <li>a type the visitor consumes but whose known fields do not decode as fray's Go structs
 *       ({@link RecordSchema}): skipped, warned;</li>
 *   <li>unknown type: ignored, counted per type.</li>
 * </ul>
 * A missing log reads as empty. Line index = 0-based position among all non-blank lines, skipped bad lines
 * included (fray counts every non-blank line the same way).
 */
public final class LogReader {

    /** Receives each record the filter accepts, with where it came from. */
    public interface Visitor {
        /** Whether this source's records of this type take part in the fold (only those are decoded strictly). */
        boolean accepts(SourceFile source, RecordType type);

        void onRecord(SourceFile source, RecordType type, Map<String, Object> fields, int index, long lineNumber,
                long offset, int length) throws IOException;

        /**
         * A cheaper look at a line before the strict decode: return {@code true} to take the line as one consumed
         * record without decoding it here. The visitor then owns its validation: it must decode it strictly later and
         * report it with the same warning as this reader would ({@link #rejection}, {@link #reportRejected}) before
         * using it.
         */
        default boolean tryLean(SourceFile source, byte[] line, int length, int index, long lineNumber, long offset)
                throws IOException {
            return false;
        }
    }

    private final DirectoryStorageBackend backend;
    private final ReadReport.Builder report;

    public LogReader(DirectoryStorageBackend backend, ReadReport.Builder report) {
        this.backend = backend;
        this.report = report;
    }

    /** Display name of a source in reports: its path. */
    public String displayName(SourceFile source) {
        return backend.pathOf(source.address()).toString();
    }

    /**
     * The warning this reader would give a decoded line a visitor took through {@link Visitor#tryLean} as a record of
     * {@code type}, or {@code null} if it is a valid one. Reports nothing, so any thread may ask; the answer is
     * reported with {@link #reportRejected}.
     *
     * @throws IllegalStateException if the line's type is not {@code type} (the lean scan misread it: a bug)
     */
    public static String rejection(RecordType type, Map<String, Object> decoded) {
        if (!(decoded.get("type") instanceof String typeName)) {
            return "no string \"type\"; line skipped";
        }
        if (RecordType.fromWireName(typeName) != type) {
            throw new IllegalStateException("lean scan read type " + type + " but the line has " + typeName);
        }
        String mismatch = RecordSchema.mismatch(type, decoded);
        return mismatch == null ? null : "does not decode: " + mismatch + "; line skipped";
    }

    /** Reports a line taken through {@link Visitor#tryLean} as skipped after all, {@code why}, and un-counts it. */
    public void reportRejected(SourceFile source, long lineNumber, String why) {
        String file = displayName(source);
        report.warn(file, lineNumber, why);
        report.recordUnread(file);
    }

    public void read(SourceFile source, Visitor visitor) throws IOException {
        read(source, 0, 1, 0, visitor);
    }

    /**
     * Reads the log from {@code start} (a line start) on, numbering lines from {@code firstLineNumber} and
     * {@code firstIndex}; returns the scan's result, or {@code null} if the log does not exist.
     */
    public LineScanner.Result read(SourceFile source, long start, long firstLineNumber, int firstIndex,
            Visitor visitor) throws IOException {
        String file = displayName(source);
        LogStat stat = backend.stat(source.address());
        if (!stat.exists()) {
            return null;
        }
        report.fileSeen(file);
        try (SeekableByteChannel ch = backend.openForRead(source.address())) {
            LineScanner.Result result = LineScanner.scan(ch, start, firstLineNumber, firstIndex,
                    (lineNumber, index, offset, length, buf, oversized) -> {
                if (oversized) {
                    report.warn(file, lineNumber, "line longer than 10 MiB (" + length + " bytes) skipped");
                    return;
                }
                if (visitor.tryLean(source, buf, length, index, lineNumber, offset)) {
                    report.recordRead(file);
                    return;
                }
                Map<String, Object> fields;
                try {
                    fields = JsonLineDecoder.decodeObject(buf, 0, length);
                } catch (JsonLineDecoder.BadLineException e) {
                    report.warn(file, lineNumber, e.getMessage() + "; line skipped");
                    return;
                }
                Object type = fields.get("type");
                if (!(type instanceof String typeName)) {
                    report.warn(file, lineNumber, "no string \"type\"; line skipped");
                    return;
                }
                RecordType rt = RecordType.fromWireName(typeName);
                if (rt == null) {
                    report.unknownType(typeName);
                    return;
                }
                boolean consumed = visitor.accepts(source, rt);
                if (consumed) {
                    String why = RecordSchema.mismatch(rt, fields);
                    if (why != null) {
                        report.warn(file, lineNumber, "does not decode: " + why + "; line skipped");
                        return;
                    }
                }
                report.recordRead(file);
                if (consumed) {
                    visitor.onRecord(source, rt, fields, index, lineNumber, offset, length);
                }
            });
            if (result.droppedTailLine() > 0) {
                report.warn(file, result.droppedTailLine(),
                        "truncated JSONL line skipped (no trailing newline; a torn or in-progress append)");
            }
            return result;
        }
    }
}
