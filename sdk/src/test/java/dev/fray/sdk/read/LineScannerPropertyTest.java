package dev.fray.sdk.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LineScanner} splits any content exactly as the reading rules say, checked against a plain byte-by-byte
 * reference: lines split on {@code \n}, blank lines (ASCII whitespace only) skipped but numbered, the last non-blank
 * line dropped when the file does not end in {@code \n}. Contents are random bytes rich in newlines, whitespace and
 * bytes that differ from {@code \n} in one bit, of lengths around the word size and the read chunk. Seeded; the seed
 * is printed on failure and {@code -Dfray.seed=N} replays it.
 */
class LineScannerPropertyTest {

    private static final byte[] ALPHABET = {'\n', '\n', '\n', ' ', '\t', '\r', 0x0b, '\f', 'a', '{', '"', 0x0b, 0x0e,
        (byte) 0x8a, (byte) 0xff, 0x00, 0x01, 0x2a};

    @TempDir
    Path dir;

    @Test
    void splitsLikeTheReference() throws IOException {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random rnd = new Random(seed);
        for (int round = 0; round < 300; round++) {
            int length = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(40);
                case 1 -> rnd.nextInt(600);
                case 2 -> (1 << 16) - 20 + rnd.nextInt(40); // around the read chunk
                default -> rnd.nextInt(3 << 16);
            };
            byte[] content = new byte[length];
            int runs = rnd.nextInt(4); // long lines sometimes: few newlines
            for (int i = 0; i < length; i++) {
                content[i] = runs == 0 && rnd.nextInt(50) != 0 ? (byte) 'x' : ALPHABET[rnd.nextInt(ALPHABET.length)];
            }
            Path file = dir.resolve("log-" + round);
            Files.write(file, content);
            List<String> got = new ArrayList<>();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                LineScanner.scan(ch, (lineNumber, index, offset, len, buf, oversized) -> got.add(lineNumber + ":"
                        + index + ":" + offset + ":" + Arrays.toString(Arrays.copyOf(buf, len))));
            }
            assertEquals(reference(content), got, "seed " + seed + ", round " + round + "; replay with -Dfray.seed="
                    + seed);
        }
    }

    /** The reading rules, one byte at a time. */
    private static List<String> reference(byte[] c) {
        List<int[]> lines = new ArrayList<>(); // {start, end}
        int start = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        boolean torn = c.length > 0 && c[c.length - 1] != '\n';
        if (torn) {
            lines.add(new int[] {start, c.length});
            for (int k = lines.size() - 1; k >= 0; k--) {
                if (!blank(c, lines.get(k))) {
                    lines = lines.subList(0, k); // the last non-blank line and everything after it
                    break;
                }
            }
        }
        List<String> out = new ArrayList<>();
        int index = 0;
        for (int k = 0; k < lines.size(); k++) {
            int[] l = lines.get(k);
            if (!blank(c, l)) {
                out.add((k + 1) + ":" + index++ + ":" + l[0] + ":" + Arrays.toString(Arrays.copyOfRange(c, l[0], l[1])));
            }
        }
        return out;
    }

    private static boolean blank(byte[] c, int[] line) {
        for (int i = line[0]; i < line[1]; i++) {
            if (!LineScanner.isSpace(c[i])) {
                return false;
            }
        }
        return true;
    }
}
