package dev.fray.sdk.fold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EventIndex#sortedOrder} (counting sort by entity, then a merge sort per group) gives exactly the permutation
 * a plain stable comparison sort by {@link EventIndex#compare} gives, over random indexes with few or many entities,
 * small and large groups and many ties in the merge key. Seeded; {@code -Dfray.seed=N} replays one index.
 */
class EventIndexSortPropertyTest {

    @Test
    void sortedOrderIsTheComparisonSortOrder() {
        Long fixed = Long.getLong("fray.seed");
        Random master = new Random();
        for (int round = 0; round < (fixed != null ? 1 : 60); round++) {
            long seed = fixed != null ? fixed : master.nextLong();
            Random rnd = new Random(seed);
            int events = rnd.nextInt(round % 10 == 9 ? 20_000 : 300);
            int entities = 1 + rnd.nextInt(1 + events / (1 + rnd.nextInt(40)));
            EventIndex index = new EventIndex();
            for (int i = 0; i < events; i++) {
                // the first events cover every entity id, as interning does; the rest pile onto few of them
                int entity = i < entities ? i : rnd.nextInt(rnd.nextBoolean() ? entities : Math.min(entities, 3));
                index.add(rnd.nextInt(30), entity, rnd.nextInt(5), rnd.nextInt(3), rnd.nextInt(4), rnd.nextInt(50),
                        rnd.nextInt(3), rnd.nextInt(1000), 10, i + 1, rnd.nextBoolean());
            }
            Integer[] reference = new Integer[index.size()];
            for (int i = 0; i < reference.length; i++) {
                reference[i] = i;
            }
            Arrays.sort(reference, index::compare); // stable
            assertArrayEquals(Arrays.stream(reference).mapToInt(Integer::intValue).toArray(), index.sortedOrder(),
                    "seed " + seed + "; replay with -Dfray.seed=" + seed);
        }
    }
}
