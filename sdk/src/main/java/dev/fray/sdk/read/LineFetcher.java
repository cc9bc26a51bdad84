package dev.fray.sdk.read;

import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-reads single lines by byte offset (the second pass of a fold). Keeps one open channel per log. Logs on a local
 * file system are memory-mapped (read-only, up to {@link #MAX_MAPPED} bytes), so a fetch is a copy out of the page
 * cache instead of two system calls; other channels are read positionally. Logs are append-only, so offsets found in
 * the first pass stay valid; a log that grew since it was mapped is mapped again when a fetch reaches past the map.
 */
public final class LineFetcher implements AutoCloseable {

    /** Larger logs are read positionally (a single mapping is limited to 2 GiB). */
    static final long MAX_MAPPED = Integer.MAX_VALUE;

    private final DirectoryStorageBackend backend;
    private final Map<Integer, SeekableByteChannel> open = new HashMap<>();
    private final Map<Integer, MappedByteBuffer> mapped = new HashMap<>();
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
        MappedByteBuffer map = mapping(source, ch, offset + length);
        if (map != null) {
            try {
                map.get((int) offset, buf.array(), 0, length);
            } catch (InternalError e) {
                // SIGBUS: the file was truncated under the mapping (logs are append-only; this is a broken log)
                throw new IOException(backend.pathOf(source.address()) + " shrank while being read", e);
            }
            return buf.array();
        }
        buf.clear();
        buf.limit(length);
        ch.position(offset);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException(backend.pathOf(source.address()) + " shrank while being read");
            }
        }
        return buf.array();
    }

    /** A mapping covering {@code [0, end)}, or {@code null} to read positionally. */
    private MappedByteBuffer mapping(SourceFile source, SeekableByteChannel ch, long end) throws IOException {
        if (!(ch instanceof FileChannel fc) || end > MAX_MAPPED) {
            return null;
        }
        MappedByteBuffer map = mapped.get(source.id());
        if (map == null || map.capacity() < end) {
            long size = fc.size();
            if (size < end) {
                throw new IOException(backend.pathOf(source.address()) + " shrank while being read (" + size + " < "
                        + end + " bytes)");
            }
            map = fc.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, MAX_MAPPED));
            mapped.put(source.id(), map);
        }
        return map;
    }

    @Override
    public void close() throws IOException {
        mapped.clear();
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
