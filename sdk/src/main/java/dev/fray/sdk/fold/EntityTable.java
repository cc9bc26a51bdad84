package dev.fray.sdk.fold;

import java.util.Arrays;

/**
 * Interns entities: (family, key) to a dense id, in order of first appearance.
 *
 * <p>One open-addressing table of ids over parallel arrays rather than a {@code HashMap} per family: a full rebuild
 * interns some 700,000 entities, and a map entry and a boxed id each were as many small objects for the young
 * collections of pass 1 to copy, and pointers to chase on every lookup. Here a lookup compares the stored hash first
 * and only then the key.
 */
final class EntityTable {

    private static final Family[] FAMILIES = Family.values();

    private int size;
    private String[] keys = new String[1024];
    private int[] hashes = new int[1024];
    final ByteList families = new ByteList();
    /** Entity id + 1 per slot, 0 when free; a power of two in size, at most half full. */
    private int[] slots = new int[2048];

    int intern(Family family, String key) {
        int h = key.hashCode() * 31 + family.ordinal();
        int mask = slots.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                int entity = add(family, key, h);
                slots[i] = entity + 1;
                if (size * 2 > slots.length) {
                    rehash(slots.length * 2);
                }
                return entity;
            }
            int e = s - 1;
            if (hashes[e] == h && families.get(e) == family.ordinal() && keys[e].equals(key)) {
                return e;
            }
        }
    }

    private int add(Family family, String key, int h) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        keys[size] = key;
        hashes[size] = h;
        families.add((byte) family.ordinal());
        return size++;
    }

    private void rehash(int capacity) {
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int i = mix(hashes[e]) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = e + 1;
        }
        slots = table;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    Family family(int entity) {
        return FAMILIES[families.get(entity)];
    }

    String key(int entity) {
        if (entity >= size) {
            throw new IndexOutOfBoundsException(entity);
        }
        return keys[entity];
    }

    int size() {
        return size;
    }

    /** Frees the lookup table; ids, keys and families stay (interning after this is an error). */
    void freeze() {
        slots = null;
        hashes = null;
    }
}
