package dev.fray.sdk.fold;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered output stream without {@link java.io.BufferedOutputStream}'s lock per call, for one thread. On Java 17,
 * {@link java.io.DataOutputStream} writes every {@code int} as four single-byte calls; writing the event index of
 * 1,000,000 events through a synchronized buffer spent most of its time taking that uncontended lock.
 */
final class UnsyncBufferedOutputStream extends OutputStream {

    private final OutputStream out;
    private final byte[] buf;
    private int count;

    UnsyncBufferedOutputStream(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            drain();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buf.length) {
            drain();
            out.write(b, off, len);
            return;
        }
        if (len > buf.length - count) {
            drain();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (OutputStream o = out) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
