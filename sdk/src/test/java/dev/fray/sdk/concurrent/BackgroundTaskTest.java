package dev.fray.sdk.concurrent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A background task: its failure reaches await() as the same exception; no thread is left behind on any path. */
class BackgroundTaskTest {

    @Test
    void awaitReturnsOnceTheWorkIsDone() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        try (BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            Thread.sleep(20);
            done.set(true);
        })) {
            task.await();
            assertTrue(done.get());
        }
    }

    @Test
    void theWorksFailureIsThrownByAwaitAsTheSameException() throws Exception {
        IOException io = new IOException("/x/.fray/local/fray-jvm-index.bin: No space left on device");
        try (BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            throw io;
        })) {
            assertSame(io, assertThrows(IOException.class, task::await));
        }
        RuntimeException unchecked = new UncheckedIOException(new IOException("x"));
        try (BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            throw unchecked;
        })) {
            assertSame(unchecked, assertThrows(RuntimeException.class, task::await));
        }
        Exception checked = new Exception("other");
        try (BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            throw checked;
        })) {
            assertSame(checked, assertThrows(IOException.class, task::await).getCause());
        }
    }

    @Test
    void closeStopsWorkStillRunningAndWaitsForItsThread() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread[] worker = new Thread[1];
        BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            worker[0] = Thread.currentThread();
            started.countDown();
            Thread.sleep(60_000);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        task.close();
        assertFalse(worker[0].isAlive(), "the thread ended with close()");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "close() did not wait for the sleep");
        assertTrue(worker[0].isDaemon());
        assertTrue(worker[0].getName().equals("fray-test"));
    }

    @Test
    void anInterruptedAwaitThrowsInterruptedIoAndCloseStillJoins() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] worker = new Thread[1];
        BackgroundTask task = BackgroundTask.start("fray-test", () -> {
            worker[0] = Thread.currentThread();
            release.await();
        });
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class, task::await);
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept by await()");
            task.close();
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept by close()");
            assertFalse(worker[0].isAlive(), "close() joined the thread although the caller is interrupted");
        } finally {
            Thread.interrupted();
            release.countDown();
        }
    }
}
