package dev.fray.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Replacing only the seq of machine-id content, as a draw that finds its own bytes does, against a full encode. */
class MachineIdFileTest {

    @Test
    void withSeqGivesTheBytesOfAFullEncode() {
        long seed = Long.getLong("fray.seed", System.nanoTime());
        Random rnd = new Random(seed);
        String replay = " (seed " + seed + ", replay with -Dfray.seed=" + seed + ")";
        String chars = "abcxyz019-_.\u00fc\u4e2d\"\\<&";
        for (int round = 0; round < 500; round++) {
            StringBuilder id = new StringBuilder();
            for (int c = 1 + rnd.nextInt(16); c > 0; c--) {
                id.append(chars.charAt(rnd.nextInt(chars.length())));
            }
            long before = rnd.nextInt(3) == 0 ? rnd.nextInt(10) : rnd.nextLong() >>> (1 + rnd.nextInt(63));
            long after = rnd.nextInt(3) == 0 ? rnd.nextInt(10) : rnd.nextLong() >>> (1 + rnd.nextInt(63));
            long createdAt = rnd.nextInt(2) == 0 ? 0 : 1_769_000_000L + rnd.nextInt(1000);
            MachineIdFile.Anchor anchor = null;
            if (rnd.nextBoolean()) {
                Map<String, Long> sizes = new LinkedHashMap<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    sizes.put("log" + k + ".jsonl", (long) rnd.nextInt(1 << 30));
                }
                anchor = new MachineIdFile.Anchor("boot-" + rnd.nextInt(1000), rnd.nextInt(5000), sizes);
            }
            MachineIdentity old = new MachineIdentity(id.toString(), before, createdAt);
            MachineIdentity next = new MachineIdentity(id.toString(), after, createdAt);
            byte[] encoded = anchor == null ? MachineIdFile.encode(old) : MachineIdFile.encode(old, anchor);
            byte[] expected = anchor == null ? MachineIdFile.encode(next) : MachineIdFile.encode(next, anchor);
            assertArrayEquals(expected, MachineIdFile.withSeq(encoded, id.toString(), after),
                    "id " + id + ", " + before + " -> " + after + replay);
        }
    }

    @Test
    void withSeqDeclinesContentItDidNotWrite() {
        byte[] renamedByFray = "{\"created_at\":1769000000,\"id\":\"box\",\"seq\":7}\n".getBytes(StandardCharsets.UTF_8);
        assertNull(MachineIdFile.withSeq(renamedByFray, "box", 8), "fray's alphabetical rewrite: encode it in full");
        assertNull(MachineIdFile.withSeq("{\"id\":\"box\",\"seq\":\"7\"}\n".getBytes(StandardCharsets.UTF_8), "box", 8));
        assertNull(MachineIdFile.withSeq("{\"id\":\"other\",\"seq\":7,\"created_at\":1}\n"
                .getBytes(StandardCharsets.UTF_8), "box", 8));
    }
}
