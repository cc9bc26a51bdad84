package dev.fray.sdk.fold;

import dev.fray.sdk.concurrent.ProducerThread;
import dev.fray.sdk.read.LineScanner;
import dev.fray.sdk.read.LogReader;
import dev.fray.sdk.read.SourceFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 1 of a full fold on two cores: a reading thread scans every log in listing order (splitting lines, the lean
 * or strict look at each, entity keys and merge keys: the bulk of the work) and hands the events over in batches;
 * the calling thread interns their entities and fills the index, in exactly the order they were read. Entity ids,
 * the index and the read report therefore come out the same as when one thread does both
 * ({@link IndexingVisitor}'s direct target).
 *
 * <p>The {@link LogReader} (and the report it writes) belongs to the reading thread from the start of
 * {@link #index} until it returns; the caller must not use it meanwhile.
 */
final class ReadAhead {

    /** Batches waiting at most: about 1 MB besides the keys. */
    private static final int QUEUED_BATCHES = 4;

    private ReadAhead() {
    }

    /**
     * Reads {@code sources} with {@code reader} into {@code index} and {@code entities}; returns each existing log's
     * scan result by source id. A reading failure is thrown here, as the reader threw it.
     */
    static Map<Integer, LineScanner.Result> index(LogReader reader, List<SourceFile> sources, boolean v2,
            EventIndex index, EntityTable entities) throws IOException {
        // filled by the reading thread; complete, and visible here, once next() has returned null (the queue's
        // hand-over orders the reader's writes before the consumer's reads)
        Map<Integer, LineScanner.Result> scans = new HashMap<>();
        try (ProducerThread<IndexBatch> reading = ProducerThread.start("fray-fold-reader", QUEUED_BATCHES,
                out -> read(reader, sources, v2, scans, out))) {
            for (IndexBatch batch; (batch = reading.next()) != null; ) {
                batch.addTo(index, entities);
            }
        }
        return scans;
    }

    private static void read(LogReader reader, List<SourceFile> sources, boolean v2,
            Map<Integer, LineScanner.Result> scans, ProducerThread.Output<IndexBatch> out)
            throws IOException, InterruptedException {
        IndexBatch[] current = {new IndexBatch()};
        IndexingVisitor visitor = new IndexingVisitor(v2, (family, key, type, ts, rank, seq, lineIndex, fileId,
                offset, length, lineNumber, validated) -> {
            IndexBatch batch = current[0];
            batch.add(family, key, type, ts, rank, seq, lineIndex, fileId, offset, length, lineNumber, validated);
            if (batch.isFull()) {
                hand(out, batch);
                current[0] = new IndexBatch();
            }
        });
        for (SourceFile source : sources) {
            LineScanner.Result scan = reader.read(source, 0, 1, 0, visitor);
            if (scan != null) {
                scans.put(source.id(), scan);
            }
        }
        if (!current[0].isEmpty()) {
            out.put(current[0]);
        }
    }

    /** Hands a batch over from inside the visitor, whose methods may only throw {@link IOException}. */
    private static void hand(ProducerThread.Output<IndexBatch> out, IndexBatch batch) throws IOException {
        try {
            out.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading interrupted");
        }
    }
}
