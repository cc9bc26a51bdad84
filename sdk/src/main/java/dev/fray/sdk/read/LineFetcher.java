package dev.fray.sdk.read;

import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-reads single lines by byte offset (the second pass of a fold). Keeps one open channel per log; the page cache
 * makes these positional reads cheap. Logs are append-only, so offsets found in the first pass stay valid.
 */
public final class LineFetcher implements AutoCloseable {

    private final DirectoryStorageBackend backend;
    private final Map<Integer, SeekableByteChannel> open = new HashMap<>();
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    public LineFetcher(DirectoryStorageBackend backend) {
        this.backend = backend;
    }

    /** The bytes of one line; valid until the next call. Returns the backing array holding them from 0. */
    public byte[] fetch(SourceFile source, long offset, int length) throws IOException {
        SeekableByteChannel ch = open.get(source.id());
        if (ch == null) {
            ch = backend.openForRead(source.address());
            open.put(source.id(), ch);
        }
        if (buf.capacity() < length) {
            buf = ByteBuffer.allocate(Math.max(length, buf.capacity() * 2));
        }
        buf.clear();
        buf.limit(length);
        ch.position(offset);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException(source.address() + " shrank while being read");
            }
        }
        return buf.array();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SeekableByteChannel ch : open.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
