package dev.fray.sdk.fold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns entities: (family, key) to a dense id, one hash table per family so the key is the record's own value. */
final class EntityTable {

    private static final Family[] FAMILIES = Family.values();

    private final List<Map<String, Integer>> byFamily = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final ByteList families = new ByteList();

    EntityTable() {
        for (int f = 0; f < FAMILIES.length; f++) {
            byFamily.add(new HashMap<>());
        }
    }

    int intern(Family family, String key) {
        Map<String, Integer> table = byFamily.get(family.ordinal());
        Integer entity = table.get(key);
        if (entity == null) {
            entity = keys.size();
            table.put(key, entity);
            keys.add(key);
            families.add((byte) family.ordinal());
        }
        return entity;
    }

    Family family(int entity) {
        return FAMILIES[families.get(entity)];
    }

    String key(int entity) {
        return keys.get(entity);
    }

    int size() {
        return keys.size();
    }

    /** Frees the lookup tables; ids, keys and families stay. */
    void freeze() {
        byFamily.forEach(Map::clear);
    }
}
