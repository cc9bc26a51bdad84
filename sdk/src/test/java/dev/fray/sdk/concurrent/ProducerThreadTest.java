package dev.fray.sdk.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The hand-over between a producer thread and its consumer: order, failures at their place in the sequence, and no
 * thread left behind on any path. Random delays on both sides come from seeded generators (the seed is printed on
 * failure; {@code -Dfray.seed=N} replays it).
 */
class ProducerThreadTest {

    @Test
    void itemsArriveInProductionOrderWhateverTheTiming() throws Exception {
        Long fixed = Long.getLong("fray.seed");
        long master = fixed != null ? fixed : System.nanoTime();
        Random seeds = new Random(master);
        for (int round = 0; round < (fixed != null ? 1 : 20); round++) {
            long seed = fixed != null ? fixed : seeds.nextLong();
            try {
                checkOrder(seed);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("failed for seed " + seed + "; replay with -Dfray.seed=" + seed, e);
            }
        }
    }

    private static void checkOrder(long seed) throws Exception {
        Random rnd = new Random(seed);
        int count = rnd.nextInt(2000);
        int capacity = 1 + rnd.nextInt(8);
        long producerSeed = rnd.nextLong();
        List<Integer> got = new ArrayList<>();
        try (ProducerThread<Integer> p = ProducerThread.start("test-producer", capacity, out -> {
            Random delays = new Random(producerSeed);
            for (int i = 0; i < count; i++) {
                pause(delays);
                out.put(i);
            }
        })) {
            for (Integer item; (item = p.next()) != null; ) {
                pause(rnd);
                got.add(item);
            }
            assertNull(p.next(), "stays at the end");
        }
        assertEquals(count, got.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, got.get(i));
        }
    }

    /** Mostly nothing, sometimes a yield, rarely a short sleep: shifts which side waits for the other. */
    private static void pause(Random rnd) throws InterruptedException {
        int r = rnd.nextInt(100);
        if (r < 3) {
            Thread.sleep(0, 200_000);
        } else if (r < 20) {
            Thread.yield();
        }
    }

    @Test
    void aProducerFailureArrivesAfterEveryEarlierItemAsTheSameException() throws Exception {
        IOException boom = new IOException("messages.jsonl line 7: broken");
        List<Integer> got = new ArrayList<>();
        try (ProducerThread<Integer> p = ProducerThread.start("test-producer", 2, out -> {
            for (int i = 0; i < 5; i++) {
                out.put(i);
            }
            throw boom;
        })) {
            IOException thrown = assertThrows(IOException.class, () -> {
                for (Integer item; (item = p.next()) != null; ) {
                    got.add(item);
                }
            });
            assertSame(boom, thrown);
            assertNull(p.next(), "nothing after the failure");
        }
        assertEquals(List.of(0, 1, 2, 3, 4), got);

        RuntimeException unchecked = new UncheckedIOException(new IOException("x"));
        try (ProducerThread<Integer> p = ProducerThread.start("test-producer", 2, out -> {
            throw unchecked;
        })) {
            assertSame(unchecked, assertThrows(RuntimeException.class, p::next));
        }
        Exception checked = new Exception("other");
        try (ProducerThread<Integer> p = ProducerThread.start("test-producer", 2, out -> {
            throw checked;
        })) {
            assertSame(checked, assertThrows(IOException.class, p::next).getCause());
        }
    }

    @Test
    void closingEarlyStopsAProducerBlockedOnAFullQueue() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        Thread[] producer = new Thread[1];
        ProducerThread<Integer> p = ProducerThread.start("test-producer", 1, out -> {
            producer[0] = Thread.currentThread();
            out.put(0);
            blocked.countDown();
            for (int i = 1; ; i++) {
                out.put(i); // blocks: nobody takes
            }
        });
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        assertEquals(0, p.next());
        p.close();
        assertFalse(producer[0].isAlive(), "the producer thread ended with close()");
        assertNull(p.next(), "a closed producer gives nothing more");
    }

    @Test
    void closingStopsAProducerThatIgnoresTheQueue() throws Exception {
        // a producer busy in interruptible work (here: sleeping) that has not produced anything yet
        Thread[] producer = new Thread[1];
        CountDownLatch started = new CountDownLatch(1);
        ProducerThread<Integer> p = ProducerThread.start("test-producer", 1, out -> {
            producer[0] = Thread.currentThread();
            started.countDown();
            Thread.sleep(60_000);
            out.put(1);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        p.close();
        assertFalse(producer[0].isAlive());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "close() did not wait for the sleep");
    }

    @Test
    void anInterruptedConsumerGetsInterruptedIoAndKeepsItsInterruptStatus() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] producer = new Thread[1];
        ProducerThread<Integer> p = ProducerThread.start("test-producer", 1, out -> {
            producer[0] = Thread.currentThread();
            release.await();
            out.put(1);
        });
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, p::next);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept by next()");
            p.close();
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept by close()");
            assertFalse(producer[0].isAlive(), "close() joined the producer even though the caller is interrupted");
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }

    @Test
    void threadsAreDaemonsAndNamed() throws Exception {
        Thread[] producer = new Thread[1];
        try (ProducerThread<Integer> p = ProducerThread.start("fray-test-name", 1, out -> {
            producer[0] = Thread.currentThread();
            out.put(1);
        })) {
            assertEquals(1, p.next());
            assertTrue(producer[0].isDaemon());
            assertEquals("fray-test-name", producer[0].getName());
            assertNull(p.next());
        }
        assertFalse(producer[0].isAlive());
    }
}
