package dev.fray.sdk.fold;

import java.util.Arrays;

/** A growable array of bytes (one small code per entity), without boxing. */
final class ByteList {

    private byte[] values = new byte[1024];
    private int size;

    void add(byte value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    byte get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
