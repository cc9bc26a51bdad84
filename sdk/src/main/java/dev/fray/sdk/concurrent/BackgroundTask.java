package dev.fray.sdk.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * One piece of work on a daemon thread of its own, so the caller can go on with something else meanwhile, and then
 * {@link #await} it: whatever the work threw is thrown there, as the same exception object (its message, naming the
 * file, and its stack trace, showing where it arose, are kept).
 *
 * <p>{@link #close()} always ends the thread before it returns: a caller that gives up (an exception of its own)
 * interrupts the work and waits for it. The thread is a daemon, so even work stuck in an uninterruptible call cannot
 * keep the JVM alive. Typical use:
 *
 * <pre>{@code
 * try (BackgroundTask task = BackgroundTask.start("name", () -> ...)) {
 *     ... other work ...
 *     task.await();
 * }
 * }</pre>
 */
public final class BackgroundTask implements AutoCloseable {

    /** The work; it should stop early when its thread is interrupted. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Thread thread;
    /** Set by the thread before it ends; read after joining it (which orders the write before the read). */
    private Throwable failure;

    private BackgroundTask(String name, Work work) {
        this.thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    public static BackgroundTask start(String name, Work work) {
        BackgroundTask task = new BackgroundTask(name, work);
        task.thread.start();
        return task;
    }

    /**
     * Waits until the work is done and throws what it threw: an {@link IOException} or unchecked exception as is,
     * anything else wrapped in an {@link IOException}. An interrupt while waiting becomes an
     * {@link InterruptedIOException}, with the interrupt status set again (the work goes on until {@link #close}).
     */
    public void await() throws IOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
        }
        Throwable t = failure;
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IOException(thread.getName() + " failed: " + t, t);
        }
    }

    /** Interrupts the work if it still runs and waits for its thread to end; keeps the caller's interrupt status. */
    @Override
    public void close() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true; // finish joining first: a thread left behind would still use our resources
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
