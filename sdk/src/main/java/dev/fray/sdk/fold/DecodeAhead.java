package dev.fray.sdk.fold;

import dev.fray.sdk.concurrent.ProducerThread;
import dev.fray.sdk.read.LineFetcher;
import dev.fray.sdk.read.SourceFile;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Decodes pass 2's lines ahead of the fold on a thread of its own (fetching and strictly decoding every line is
 * about half of a full rebuild's work), in exactly the fold order, handing them over in batches through a bounded
 * queue (a few thousand lines at most). The fold consumes them in that order and does all the reporting itself, so
 * the result and the report do not depend on thread timing. A failure (a log that shrank) reaches the fold after
 * every line decoded before it, as the same exception.
 */
final class DecodeAhead implements DecodedLines {

    static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 8;

    private final ProducerThread<DecodedLine[]> decoding;
    private DecodedLine[] batch = new DecodedLine[0];
    private int position;

    /** Starts decoding the lines of {@code order}, reading through a fetcher of its own on {@code backend}. */
    DecodeAhead(DirectoryStorageBackend backend, EventIndex index, int[] order, IntFunction<Family> familyOf,
            List<SourceFile> sources) {
        decoding = ProducerThread.start("fray-fold-decoder", QUEUED_BATCHES, out -> {
            try (LineFetcher fetcher = new LineFetcher(backend)) {
                LineDecoder decoder = new LineDecoder(index, sources, fetcher);
                for (int from = 0; from < order.length; from += BATCH) {
                    out.put(decode(order, from, Math.min(from + BATCH, order.length), index, familyOf, decoder,
                            out));
                }
            }
        });
    }

    private static DecodedLine[] decode(int[] order, int from, int to, EventIndex index, IntFunction<Family> familyOf,
            LineDecoder decoder, ProducerThread.Output<DecodedLine[]> out) throws IOException, InterruptedException {
        DecodedLine[] lines = new DecodedLine[to - from];
        int k = 0;
        try {
            for (; k < lines.length; k++) {
                int ev = order[from + k];
                lines[k] = DecodedLines.leftToFold(index, ev, familyOf) ? DecodedLine.NOT_DECODED
                        : decoder.decode(ev);
            }
        } catch (IOException | RuntimeException e) {
            if (k > 0) {
                out.put(Arrays.copyOf(lines, k)); // the lines before the failure still reach the fold first
            }
            throw e;
        }
        return lines;
    }

    @Override
    public DecodedLine next() throws IOException {
        if (position == batch.length) {
            DecodedLine[] next = decoding.next();
            if (next == null) {
                throw new IllegalStateException("the fold asked for more lines than its order has");
            }
            batch = next;
            position = 0;
        }
        return batch[position++];
    }

    @Override
    public void close() {
        decoding.close();
    }
}
