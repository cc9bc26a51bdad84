package dev.fray.sdk.read;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fixed set of ASCII field names, found straight from a line's bytes: the caller hashes a name while it scans for
 * its closing quote ({@link #step}), then asks for its index. Immutable, so threads share one.
 */
public final class AsciiNames {

    private final String[] names;
    private final byte[][] bytes;
    /** Open addressing: index + 1 per slot, 0 when free; at most a quarter full. */
    private final int[] table;

    /** The table of {@code names} (distinct, ASCII); {@link #name} gives back these very String instances. */
    public AsciiNames(List<String> names) {
        this.names = names.toArray(String[]::new);
        this.bytes = new byte[this.names.length][];
        this.table = new int[Integer.highestOneBit(Math.max(16, this.names.length * 4)) << 1];
        for (int i = 0; i < this.names.length; i++) {
            bytes[i] = this.names[i].getBytes(StandardCharsets.US_ASCII);
            int h = 0;
            for (byte b : bytes[i]) {
                h = step(h, b);
            }
            int slot = mix(h, bytes[i].length) & (table.length - 1);
            while (table[slot] != 0) {
                slot = (slot + 1) & (table.length - 1);
            }
            table[slot] = i + 1;
        }
    }

    /** The running hash of a name after one more byte (start from 0). */
    public static int step(int h, byte b) {
        return 31 * h + b;
    }

    /** The index of the name at {@code buf[from, from+len)}, hashed to {@code h} by {@link #step}, or -1. */
    public int indexOf(byte[] buf, int from, int len, int h) {
        int mask = table.length - 1;
        for (int slot = mix(h, len) & mask; ; slot = (slot + 1) & mask) {
            int s = table[slot];
            if (s == 0) {
                return -1;
            }
            if (same(bytes[s - 1], buf, from, len)) {
                return s - 1;
            }
        }
    }

    public String name(int index) {
        return names[index];
    }

    public int size() {
        return names.length;
    }

    /** A plain loop: names are a few bytes, too short for {@code Arrays.equals}' set-up to pay. */
    private static boolean same(byte[] name, byte[] buf, int from, int len) {
        if (name.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (name[k] != buf[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h, int len) {
        h += len;
        return h ^ (h >>> 7);
    }
}
