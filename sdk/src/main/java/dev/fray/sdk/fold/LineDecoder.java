package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.read.JsonLineDecoder;
import dev.fray.sdk.read.LineFetcher;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.SourceFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Re-reads one indexed event's line and decodes it strictly ({@link JsonLineDecoder}), checking a line pass 1 only
 * looked at leanly against its record schema; reports nothing ({@link DecodedLine}). One per thread: it reads
 * through its own {@link LineFetcher}; the index and sources are only read.
 */
final class LineDecoder {

    private static final RecordType[] TYPES = RecordType.values();

    private final EventIndex index;
    private final List<SourceFile> sources;
    private final LineFetcher fetcher;

    /** Decoded lines of the events below its length, kept for a caller that folds them twice; else empty. */
    private final DecodedLine[] remembered;

    LineDecoder(EventIndex index, List<SourceFile> sources, LineFetcher fetcher) {
        this(index, sources, fetcher, 0);
    }

    private LineDecoder(EventIndex index, List<SourceFile> sources, LineFetcher fetcher, int remember) {
        this.index = index;
        this.sources = sources;
        this.fetcher = fetcher;
        this.remembered = new DecodedLine[remember];
    }

    /**
     * A decoder that decodes the events below {@code below} only once, handing out the same result again (catch-up
     * folds the old events before and after the new ones). Safe because folds copy a line's map before changing it.
     */
    static LineDecoder remembering(EventIndex index, List<SourceFile> sources, LineFetcher fetcher, int below) {
        return new LineDecoder(index, sources, fetcher, below);
    }

    DecodedLine decode(int ev) throws IOException {
        if (ev < remembered.length) {
            DecodedLine line = remembered[ev];
            if (line == null) {
                line = decodeNow(ev);
                remembered[ev] = line;
            }
            return line;
        }
        return decodeNow(ev);
    }

    private DecodedLine decodeNow(int ev) throws IOException {
        SourceFile source = sources.get(index.fileId(ev));
        int length = index.length(ev);
        byte[] bytes = fetcher.fetch(source, index.offset(ev), length);
        RecordType type = TYPES[index.type(ev)];
        Map<String, Object> fields;
        try {
            fields = JsonLineDecoder.decodeObject(bytes, 0, length);
        } catch (JsonLineDecoder.BadLineException e) {
            return new DecodedLine(null, e.getMessage(), null);
        }
        String rejection = index.validated(ev) ? null : LogReader.rejection(type, fields);
        return new DecodedLine(new FoldEvent(type, fields, index.ts(ev), source.machine(), index.lineIndex(ev)),
                null, rejection);
    }
}
