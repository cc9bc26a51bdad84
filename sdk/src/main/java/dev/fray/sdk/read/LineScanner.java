package dev.fray.sdk.read;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/**
 * Splits a JSONL log into lines the way fray's {@code readJSONLLines} does (reference §3.1), streaming, in bounded
 * memory:
 * <ul>
 *   <li>If the file does not end in {@code \n}, its last non-blank line is a torn append and is not delivered
 *       (checked first, from the last byte, before any line is read).</li>
 *   <li>Lines are split on {@code \n}; a line that is empty or only ASCII whitespace is blank and skipped.</li>
 *   <li>A line longer than {@link #MAX_LINE_BYTES} is delivered as {@code oversized} with no bytes: it is never held
 *       in memory whole. (fray fails the whole read here; fray-jvm skips the line and goes on.)</li>
 * </ul>
 * Every non-blank line (valid or not, oversized or not) gets the next 0-based {@code index}, as in fray.
 */
public final class LineScanner {

    /** fray's per-line buffer limit: 10 MiB. */
    public static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

    private static final int CHUNK = 1 << 16;

    /** Reads eight bytes of an array as one long, first byte lowest (see {@link #indexOfNewline}). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    /** Receives each non-blank line. {@code buf[0..length)} holds the line unless {@code oversized}. */
    public interface Handler {
        void onLine(long lineNumber, int index, long offset, int length, byte[] buf, boolean oversized)
                throws IOException;
    }

    /**
     * What the scan found beyond the delivered lines. {@code droppedTailLine} is 1-based, 0 when none.
     * {@code resumeOffset} is where the first line not complete yet starts (just after the last {@code \n} read):
     * a later scan of the grown file can start there with {@code lines + 1} and {@code nonBlankLines}.
     */
    public record Result(long lines, int nonBlankLines, long droppedTailLine, long resumeOffset) {
        /** Lines (blank ones included) before {@code resumeOffset}. */
        public long resumeLines() {
            return droppedTailLine > 0 ? droppedTailLine - 1 : lines;
        }
    }

    private LineScanner() {
    }

    public static Result scan(SeekableByteChannel ch, Handler handler) throws IOException {
        return scan(ch, 0, 1, 0, handler);
    }

    /**
     * Scans from {@code start} (a line start, e.g. an earlier scan's {@code resumeOffset}) with the given first line
     * number and index, as if the file had been scanned from its beginning.
     */
    public static Result scan(SeekableByteChannel ch, long start, long firstLineNumber, int firstIndex,
            Handler handler) throws IOException {
        long size = ch.size();
        long limit = size;
        boolean torn = false;
        if (size > 0 && byteAt(ch, size - 1) != '\n') {
            limit = startOfLastNonBlankLine(ch, size);
            torn = limit < size && limit >= 0;
            if (limit < 0) {
                limit = size; // only whitespace after the last newline and before it: nothing to drop
            }
        }
        if (limit < start) {
            // the torn-tail rule now drops a line read before (only whitespace was appended after it, without a
            // newline): a resumed scan cannot take that line back; tell the caller to read the file afresh
            return new Result(firstLineNumber - 1, firstIndex, 0, -1);
        }
        ch.position(start);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        byte[] line = new byte[1024];
        int lineLen = 0;
        long lineStart = start;
        long lineLength = 0;
        boolean blank = true;
        long lineNumber = firstLineNumber;
        int index = firstIndex;
        long pos = start;
        while (pos < limit) {
            chunk.clear();
            int want = (int) Math.min(CHUNK, limit - pos);
            chunk.limit(want);
            int n = ch.read(chunk);
            if (n <= 0) {
                break;
            }
            byte[] a = chunk.array();
            int segStart = 0;
            int nl;
            // Small static helpers rather than one byte loop here: they are called per line, so the JIT compiles
            // them early and fully, instead of depending on on-stack replacement of this long-running method.
            while ((nl = indexOfNewline(a, segStart, n)) >= 0) {
                int seg = nl - segStart;
                if (blank && !isBlank(a, segStart, nl)) {
                    blank = false;
                }
                if (lineLength + seg <= MAX_LINE_BYTES) {
                    line = append(line, lineLen, a, segStart, seg);
                    lineLen += seg;
                }
                lineLength += seg;
                if (!blank) {
                    boolean oversized = lineLength > MAX_LINE_BYTES;
                    handler.onLine(lineNumber, index++, lineStart, (int) Math.min(lineLength, Integer.MAX_VALUE),
                            line, oversized);
                }
                lineNumber++;
                lineStart = pos + nl + 1;
                lineLength = 0;
                lineLen = 0;
                blank = true;
                segStart = nl + 1;
            }
            if (blank && !isBlank(a, segStart, n)) {
                blank = false;
            }
            int seg = n - segStart;
            if (lineLength + seg <= MAX_LINE_BYTES) {
                line = append(line, lineLen, a, segStart, seg);
                lineLen += seg;
            }
            lineLength += seg;
            pos += n;
        }
        // limit always ends at a line start when the tail is torn, so nothing is left over then; a file that ends
        // in whitespace without a newline leaves only a blank remainder.
        return new Result(lineNumber - 1, index, torn ? lineNumber : 0, lineStart);
    }

    private static byte[] append(byte[] line, int len, byte[] src, int off, int n) {
        if (n == 0) {
            return line;
        }
        if (len + n > line.length) {
            line = Arrays.copyOf(line, Math.max(len + n, Math.min(line.length * 2, MAX_LINE_BYTES)));
        }
        System.arraycopy(src, off, line, len, n);
        return line;
    }

    /**
     * The first {@code \n} in {@code a[from, to)}, or -1. Looks at eight bytes at a time (a zero-byte test on the
     * word XOR a word of newlines), since every byte of every log passes through here.
     */
    private static int indexOfNewline(byte[] a, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(a, i) ^ NEWLINES;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                // the lowest flagged byte is exact (only bytes above a true match can be flagged falsely)
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[from, to)} holds only whitespace; stops at the first other byte (usually the first one). */
    private static boolean isBlank(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(a[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x0b || b == '\f';
    }

    private static byte byteAt(SeekableByteChannel ch, long at) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.position(at);
        while (one.hasRemaining()) {
            if (ch.read(one) < 0) {
                throw new IOException("file shrank while reading");
            }
        }
        return one.get(0);
    }

    /**
     * Offset of the first byte of the last non-blank line (just after the {@code \n} before it), scanning backwards
     * in chunks; -1 if the file is all whitespace.
     */
    private static long startOfLastNonBlankLine(SeekableByteChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        long end = size;
        boolean inLine = false;
        while (end > 0) {
            long start = Math.max(0, end - CHUNK);
            buf.clear();
            buf.limit((int) (end - start));
            ch.position(start);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new IOException("file shrank while reading");
                }
            }
            byte[] a = buf.array();
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (!inLine) {
                    if (!isSpace(a[i])) {
                        inLine = true;
                    }
                } else if (a[i] == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return inLine ? 0 : -1;
    }
}
