package dev.fray.sdk.fold;

import java.io.IOException;
import java.util.function.IntFunction;

/**
 * Pass 2's lines in fold order: one {@link DecodedLine} per position of the fold order, taken with {@link #next} in
 * that order, decoded on the calling thread ({@link #inline}) or ahead on another one ({@link DecodeAhead}).
 *
 * <p>Lines validated in pass 1 of last-event-wins entities come as {@link DecodedLine#NOT_DECODED}: the fold decodes
 * those itself, from the last one back, only as far as it needs (in a catch-up most lines are such lines).
 */
interface DecodedLines extends AutoCloseable {

    /** The line of the next position of the fold order. */
    DecodedLine next() throws IOException;

    /** Releases what decoding ahead holds (its thread); never throws. */
    @Override
    void close();

    /** Whether the line of event {@code ev} is left to the fold to decode ({@link DecodedLine#NOT_DECODED}). */
    static boolean leftToFold(EventIndex index, int ev, IntFunction<Family> familyOf) {
        return index.validated(ev) && familyOf.apply(index.entity(ev)).lastEventWins();
    }

    /** Decodes each line when it is asked for, on the calling thread. */
    static DecodedLines inline(EventIndex index, int[] order, IntFunction<Family> familyOf, LineDecoder decoder) {
        return new DecodedLines() {
            private int position;

            @Override
            public DecodedLine next() throws IOException {
                int ev = order[position++];
                return leftToFold(index, ev, familyOf) ? DecodedLine.NOT_DECODED : decoder.decode(ev);
            }

            @Override
            public void close() {
            }
        };
    }
}
