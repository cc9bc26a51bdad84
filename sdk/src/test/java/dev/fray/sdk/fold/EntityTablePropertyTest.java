package dev.fray.sdk.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EntityTable} gives every (family, key) the id of its first appearance, as a map would: over random
 * sequences with repeats, the same key in several families, keys with equal hash codes ("Aa" and "BB") and enough
 * distinct keys to grow the table many times. Seeded; {@code -Dfray.seed=N} replays one sequence.
 */
class EntityTablePropertyTest {

    @Test
    void idsAreThoseOfFirstAppearance() {
        Long fixed = Long.getLong("fray.seed");
        Random master = new Random();
        Family[] families = Family.values();
        for (int round = 0; round < (fixed != null ? 1 : 20); round++) {
            long seed = fixed != null ? fixed : master.nextLong();
            Random rnd = new Random(seed);
            EntityTable table = new EntityTable();
            Map<String, Integer> reference = new HashMap<>();
            int pool = 1 + rnd.nextInt(round % 4 == 3 ? 200_000 : 500);
            int lookups = 1 + rnd.nextInt(100_000);
            for (int i = 0; i < lookups; i++) {
                Family family = families[rnd.nextInt(3)];
                int k = rnd.nextInt(pool);
                // "Aa" and "BB" have the same String.hashCode: colliding keys built from them
                String key = rnd.nextInt(5) == 0 ? (rnd.nextBoolean() ? "Aa" : "BB") + (k % 7) : "msg-" + k;
                int expected = reference.computeIfAbsent(family.ordinal() + "\0" + key, x -> reference.size());
                int got = table.intern(family, key);
                assertEquals(expected, got, "seed " + seed + "; replay with -Dfray.seed=" + seed);
                assertEquals(key, table.key(got));
                assertEquals(family, table.family(got));
            }
            assertEquals(reference.size(), table.size(), "seed " + seed);
        }
    }
}
