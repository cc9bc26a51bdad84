package dev.fray.sdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GuidsTest {

    private static final Pattern SHAPE = Pattern.compile("msg-[0-9a-z]{8}");

    private static long seed() {
        String s = System.getProperty("fray.seed");
        long seed = s == null || s.isBlank() || s.startsWith("$") ? System.nanoTime() : Long.parseLong(s);
        System.out.println("GuidsTest seed " + seed + " (replay with -Dfray.seed=" + seed + ")");
        return seed;
    }

    @Test
    void formatIsPrefixDashEightLowercaseBase36() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Guids.generate(Guids.MESSAGE);
            assertTrue(SHAPE.matcher(id).matches(), id);
            seen.add(id);
        }
        assertEquals(1000, seen.size(), "36^8 values: no collision expected in 1000 draws");
    }

    @Test
    void trailingDashOnThePrefixIsStripped() {
        long seed = seed();
        assertEquals(Guids.generate("msg", new Random(seed)), Guids.generate("msg-", new Random(seed)));
        assertTrue(Guids.generate("thrd-").matches("thrd-[0-9a-z]{8}"));
        assertTrue(Guids.generate("").matches("-[0-9a-z]{8}"), "empty prefix is kept as fray does");
    }

    @Test
    void bytesFrom252UpAreRejectedNotFoldedIntoTheLowDigits() {
        // a source whose bytes are 252..255 (which modulo 36 would give '0'..'3') and then 36 ('0' by rejection-free)
        Random biasedSource = new Random() {
            private static final long serialVersionUID = 1L;
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    int v = next++ % 5;
                    bytes[i] = (byte) (v < 4 ? 252 + v : 37);
                }
            }
        };
        assertEquals("x-11111111", Guids.generate("x", biasedSource));
    }

    @Test
    void charactersAreUniform() {
        long seed = seed();
        Random random = new Random(seed);
        int[] counts = new int[36];
        int ids = 20_000;
        for (int i = 0; i < ids; i++) {
            String id = Guids.generate("t", random);
            for (int c = 2; c < id.length(); c++) {
                counts[Guids.ALPHABET.indexOf(id.charAt(c))]++;
            }
        }
        double expected = ids * 8 / 36.0;
        double chi2 = 0;
        for (int c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        // 35 degrees of freedom: mean 35, p(chi2 > 80) < 1e-5. Plain modulo would add a bias of ~1.1% per low digit.
        assertTrue(chi2 < 80, "chi-square " + chi2 + " too high, seed " + seed);
    }

    @Test
    void secureRandomIdsDiffer() {
        assertNotEquals(Guids.generate("msg"), Guids.generate("msg"));
    }
}
