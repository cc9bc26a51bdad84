package dev.fray.sdk.fold;

/**
 * A run of consecutive pass-1 events as the reading thread found them, entity still as (family, key): columns of
 * primitives rather than an object per event, so handing 1,000,000 events to the interning thread costs little.
 */
final class IndexBatch implements IndexingVisitor.Target {

    static final int CAPACITY = 4096;
    private static final Family[] FAMILIES = Family.values();

    private int size;
    private final byte[] family = new byte[CAPACITY];
    private final String[] key = new String[CAPACITY];
    private final int[] type = new int[CAPACITY];
    private final long[] ts = new long[CAPACITY];
    private final int[] rank = new int[CAPACITY];
    private final long[] seq = new long[CAPACITY];
    private final int[] lineIndex = new int[CAPACITY];
    private final int[] fileId = new int[CAPACITY];
    private final long[] offset = new long[CAPACITY];
    private final int[] length = new int[CAPACITY];
    private final long[] lineNumber = new long[CAPACITY];
    private final boolean[] validated = new boolean[CAPACITY];

    @Override
    public void add(Family family, String key, int type, long ts, int rank, long seq, int lineIndex, int fileId,
            long offset, int length, long lineNumber, boolean validated) {
        int i = size++;
        // String caches its hash: computing it here spares the interning thread, whose hash lookups are the
        // bottleneck of its side of pass 1
        key.hashCode();
        this.family[i] = (byte) family.ordinal();
        this.key[i] = key;
        this.type[i] = type;
        this.ts[i] = ts;
        this.rank[i] = rank;
        this.seq[i] = seq;
        this.lineIndex[i] = lineIndex;
        this.fileId[i] = fileId;
        this.offset[i] = offset;
        this.length[i] = length;
        this.lineNumber[i] = lineNumber;
        this.validated[i] = validated;
    }

    boolean isFull() {
        return size == CAPACITY;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Interns each event's entity and adds it to {@code index}, in the order the events were read. */
    void addTo(EventIndex index, EntityTable entities) {
        for (int i = 0; i < size; i++) {
            int entity = entities.intern(FAMILIES[family[i]], key[i]);
            index.add(type[i], entity, ts[i], rank[i], seq[i], lineIndex[i], fileId[i], offset[i], length[i],
                    lineNumber[i], validated[i]);
        }
    }
}
