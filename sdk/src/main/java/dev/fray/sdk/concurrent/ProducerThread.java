package dev.fray.sdk.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a producer on a thread of its own and hands what it produces to ONE consumer, in exactly the order it was
 * produced, through a bounded queue: the producer works ahead on a second core while the consumer works on earlier
 * items, and at most {@code capacity} items wait, so memory stays bounded.
 *
 * <p>Whatever the producer throws reaches the consumer at the point in the sequence where it happened: after every
 * item produced before it, from {@link #next()}, as the same exception object (so its message, naming the file and
 * line, and its stack trace, showing where it arose, are kept). Typical use:
 *
 * <pre>{@code
 * try (ProducerThread<Batch> ahead = ProducerThread.start("name", 4, out -> { ... out.put(batch); ... })) {
 *     for (Batch b; (b = ahead.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>{@link #close()} always ends the thread before it returns, also when the consumer stops early (an exception of
 * its own): the producer is interrupted and the queue drained until it has exited. The thread is a daemon, so even a
 * producer stuck in an uninterruptible call cannot keep the JVM alive. Not for use by more than one consumer thread.
 */
public final class ProducerThread<T> implements AutoCloseable {

    /** Produces items in order; {@link Output#put} blocks while the queue is full. */
    @FunctionalInterface
    public interface Producer<T> {
        void run(Output<T> out) throws Exception;
    }

    /** Where a producer puts its items. */
    @FunctionalInterface
    public interface Output<T> {
        void put(T item) throws InterruptedException;
    }

    private static final Object END = new Object();

    private record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean cancelled;
    private boolean ended;

    private ProducerThread(String name, int capacity, Producer<T> producer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> produce(producer), name);
        thread.setDaemon(true);
    }

    /** Starts {@code producer} on a new daemon thread named {@code name}, with room for {@code capacity} items. */
    public static <T> ProducerThread<T> start(String name, int capacity, Producer<T> producer) {
        ProducerThread<T> p = new ProducerThread<>(name, capacity, producer);
        p.thread.start();
        return p;
    }

    private void produce(Producer<T> producer) {
        Object last;
        try {
            producer.run(queue::put);
            last = END;
        } catch (Throwable t) {
            if (cancelled) {
                return; // the consumer has gone; whatever the interrupt caused is nobody's concern
            }
            last = new Failure(t);
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            // cancelled while waiting for room: nobody will read it
        }
    }

    /**
     * The next item, or {@code null} once the producer has finished. Rethrows the producer's failure (an
     * {@link IOException} or unchecked exception as is; any other exception wrapped in an {@link IOException}).
     * An interrupt of the consumer while it waits becomes an {@link InterruptedIOException}, with the thread's
     * interrupt status set again.
     */
    @SuppressWarnings("unchecked")
    public T next() throws IOException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + thread.getName());
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure f) {
            ended = true;
            throw rethrow(f.error());
        }
        return (T) item;
    }

    private IOException rethrow(Throwable t) throws IOException {
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof InterruptedException) {
            return new InterruptedIOException(thread.getName() + " was interrupted");
        }
        return new IOException(thread.getName() + " failed: " + t, t);
    }

    /**
     * Stops the producer if it is still running (interrupting it and draining the queue so it cannot stay blocked on
     * a full queue) and waits for its thread to end. Keeps the caller's interrupt status.
     */
    @Override
    public void close() {
        ended = true;
        boolean interrupted = false;
        if (thread.isAlive()) {
            cancelled = true;
            thread.interrupt();
        }
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true; // finish joining first: a thread left behind would still use our resources
            }
            thread.interrupt();
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
