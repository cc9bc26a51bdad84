package dev.fray.sdk.fold;

import java.util.Arrays;

/**
 * The compact per-event index of pass 1: for every folded record only primitives (about 53 bytes), never the parsed
 * record. Sorting produces a permutation grouped by entity and, within an entity, in fray's merge order
 * (reference §3.4): (merge timestamp, machine rank, seq, line index), then source file id as a final tie-break for
 * the one logical read fed by two files (v2 message pins from threads.jsonl and messages.jsonl).
 */
final class EventIndex {

    private int size;
    private int[] type = new int[1024];
    private int[] entity = new int[1024];
    private long[] ts = new long[1024];
    private int[] machineRank = new int[1024];
    private long[] seq = new long[1024];
    private int[] lineIndex = new int[1024];
    private int[] fileId = new int[1024];
    private long[] offset = new long[1024];
    private int[] length = new int[1024];
    /** 1-based line number in the file; negated when the line still has to be validated strictly in pass 2. */
    private long[] lineNumber = new long[1024];

    int size() {
        return size;
    }

    void add(int typeCode, int entityId, long mergeTs, int rank, long seqValue, int index, int file, long off,
            int len, long line, boolean validated) {
        if (size == type.length) {
            int n = size * 2;
            type = Arrays.copyOf(type, n);
            entity = Arrays.copyOf(entity, n);
            ts = Arrays.copyOf(ts, n);
            machineRank = Arrays.copyOf(machineRank, n);
            seq = Arrays.copyOf(seq, n);
            lineIndex = Arrays.copyOf(lineIndex, n);
            fileId = Arrays.copyOf(fileId, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
            lineNumber = Arrays.copyOf(lineNumber, n);
        }
        type[size] = typeCode;
        entity[size] = entityId;
        ts[size] = mergeTs;
        machineRank[size] = rank;
        seq[size] = seqValue;
        lineIndex[size] = index;
        fileId[size] = file;
        offset[size] = off;
        length[size] = len;
        lineNumber[size] = validated ? line : -line;
        size++;
    }

    int type(int i) {
        return type[i];
    }

    int entity(int i) {
        return entity[i];
    }

    int machineRank(int i) {
        return machineRank[i];
    }

    long seq(int i) {
        return seq[i];
    }

    long ts(int i) {
        return ts[i];
    }

    int lineIndex(int i) {
        return lineIndex[i];
    }

    int fileId(int i) {
        return fileId[i];
    }

    long offset(int i) {
        return offset[i];
    }

    int length(int i) {
        return length[i];
    }

    long lineNumber(int i) {
        return Math.abs(lineNumber[i]);
    }

    /** Whether pass 1 already decoded and checked this line strictly (else pass 2 must). */
    boolean validated(int i) {
        return lineNumber[i] > 0;
    }

    int compare(int a, int b) {
        int c = Integer.compare(entity[a], entity[b]);
        if (c != 0) {
            return c;
        }
        c = Long.compare(ts[a], ts[b]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(machineRank[a], machineRank[b]);
        if (c != 0) {
            return c;
        }
        c = Long.compare(seq[a], seq[b]);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(lineIndex[a], lineIndex[b]);
        if (c != 0) {
            return c;
        }
        return Integer.compare(fileId[a], fileId[b]);
    }

    /**
     * The events in (entity, merge key) order, as a permutation of positions. Entity ids are dense, so a stable
     * counting sort groups the events by entity in linear time; then each group (mostly a handful of events) is
     * sorted by its merge key with a primitive merge sort. {@link #compare} is a total order on distinct events, so
     * this is the one sorted permutation, the same as a comparison sort of everything gives (ties, if any, keep the
     * index order in both).
     */
    int[] sortedOrder() {
        int entities = 0;
        for (int i = 0; i < size; i++) {
            entities = Math.max(entities, entity[i] + 1);
        }
        int[] next = new int[entities + 1];
        for (int i = 0; i < size; i++) {
            next[entity[i] + 1]++;
        }
        int largest = 0;
        for (int e = 0; e < entities; e++) {
            largest = Math.max(largest, next[e + 1]);
            next[e + 1] += next[e];
        }
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[next[entity[i]]++] = i;
        }
        // next[e] is now where group e ends (and group e + 1 starts)
        int[] tmp = new int[largest];
        int from = 0;
        for (int e = 0; e < entities; e++) {
            int to = next[e];
            if (to - from > 1) {
                mergeSort(perm, tmp, from, to);
            }
            from = to;
        }
        return perm;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        // tmp holds the run [from, to) from index 0: it only needs to be as long as the longest group
        System.arraycopy(a, from, tmp, 0, to - from);
        int i = 0;
        int iEnd = mid - from;
        int j = iEnd;
        int jEnd = to - from;
        int k = from;
        while (i < iEnd && j < jEnd) {
            a[k++] = compare(tmp[i], tmp[j]) <= 0 ? tmp[i++] : tmp[j++];
        }
        while (i < iEnd) {
            a[k++] = tmp[i++];
        }
        while (j < jEnd) {
            a[k++] = tmp[j++];
        }
    }
}
