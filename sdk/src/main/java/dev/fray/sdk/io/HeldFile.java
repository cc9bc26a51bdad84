package dev.fray.sdk.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file kept open across many operations, with <em>one</em> descriptor for both its {@code flock(2)} and its I/O, as
 * fray's {@code atomicAppend} locks the very descriptor it writes through. Writer sessions hold these so that an
 * append costs a {@code flock(LOCK_EX)}/{@code LOCK_UN} pair on an open descriptor instead of opening and closing the
 * file (and, with {@link Flock}, a second descriptor for the lock) every time.
 *
 * <p><b>Exclusion is exactly {@link Flock}'s</b>: a {@code flock} belongs to the open file description, so this
 * descriptor's lock excludes fray, util-linux {@code flock}, {@link Flock} handles and other {@code HeldFile}s on the
 * same file, in this process or any other. It does not exclude threads sharing this object: callers serialise those.
 *
 * <p><b>A name can stop meaning the open file</b>: a sync tool or a person may remove, rename or replace the file
 * while it is held. {@link #lockCurrent} therefore checks, after taking the lock, that the path still names the held
 * file (same device and inode, {@link FileIdentity}) and otherwise reopens the path, so writes always go to the file a
 * fresh open would reach, as before sessions. The held file's identity is read once, from its descriptor.
 *
 * <p>Only where {@link #isSupported()}: real {@code flock} (Linux, macOS) and 64-bit sizes. Not thread-safe.
 */
public final class HeldFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeldFile.class);

    private static final int MAX_REOPENS = 100;

    /** How a file is opened. */
    public enum Mode {
        /** A log: {@code O_WRONLY|O_APPEND}, created (mode 0644) when missing. */
        APPEND_CREATING(LibC.O_WRONLY | LibC.O_APPEND, true),
        /** A file rewritten in place that must already exist ({@code O_RDWR}). */
        READ_WRITE(LibC.O_RDWR, false),
        /** A file rewritten in place, created (empty, mode 0644) when missing. */
        READ_WRITE_CREATING(LibC.O_RDWR, true),
        /** A directory, held only to be locked ({@code O_RDONLY}), as {@link Flock} locks a directory. */
        LOCK_ONLY(LibC.O_RDONLY, false);

        private final int flags;
        private final boolean creates;

        Mode(int flags, boolean creates) {
            this.flags = flags | LibC.O_CLOEXEC;
            this.creates = creates;
        }
    }

    private final Path path;
    private final Mode mode;
    private final int fd;
    private final Object identity;
    /** {@link #path} as a C string, for the identity check on every lock. */
    private final byte[] cPath;
    private final boolean created;
    private boolean closed;

    private HeldFile(Path path, Mode mode, int fd, Object identity, boolean created) {
        this.path = path;
        this.mode = mode;
        this.fd = fd;
        this.identity = identity;
        this.cPath = FileIdentity.cPath(path);
        this.created = created;
    }

    /** Whether held files work here; where not, callers use the open-per-operation paths ({@link LogAppender}). */
    public static boolean isSupported() {
        return Flock.isNative() && Native.SIZE_T_SIZE == 8 && FileIdentity.isSupported();
    }

    /**
     * Opens {@code path}. A mode that does not create fails with {@link NoSuchFileException} for a missing file.
     * Parent directories are not created.
     */
    public static HeldFile open(Path path, Mode mode) throws IOException {
        if (!isSupported()) {
            throw new UnsupportedOperationException("held files need flock(2) and 64-bit sizes (Linux, macOS)");
        }
        Path file = path.toAbsolutePath().normalize();
        boolean created = false;
        int fd;
        try {
            fd = LibC.open(file.toString(), mode.flags, 0644);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.ENOENT) {
                throw new IOException("cannot open " + file + ": errno " + e.getErrorCode(), e);
            }
            if (!mode.creates) {
                throw new NoSuchFileException(file.toString());
            }
            try {
                fd = LibC.open(file.toString(), mode.flags | LibC.O_CREAT, 0644);
                created = true;
            } catch (LastErrorException e2) {
                throw e2.getErrorCode() == LibC.ENOENT ? new NoSuchFileException(file.toString(), null,
                        "its directory does not exist")
                        : new IOException("cannot create " + file + ": errno " + e2.getErrorCode(), e2);
            }
        }
        try {
            return new HeldFile(file, mode, fd, FileIdentity.ofDescriptor(fd, file), created);
        } catch (IOException | RuntimeException e) {
            closeFd(fd, file);
            throw e;
        }
    }

    /**
     * Locks the file {@code path} names, with {@code held} if that is still it, otherwise with a fresh open (the
     * stale one is closed). Returns the locked file; the caller {@link #unlock()}s it and keeps it for next time.
     * {@code held} may be null (nothing open yet) or closed.
     */
    public static HeldFile lockCurrent(HeldFile held, Path path, Mode mode) throws IOException {
        HeldFile file = held != null && !held.closed ? held : open(path, mode);
        for (int attempt = 0; ; attempt++) {
            boolean locked = false;
            try {
                file.lock();
                locked = true;
                if (file.isStillAt()) {
                    return file;
                }
            } catch (IOException | RuntimeException e) {
                if (file != held) {
                    file.close(); // opened here: nobody else will (closing also releases the lock)
                } else if (locked) {
                    file.unlock();
                }
                throw e;
            }
            file.close(); // closing the descriptor also releases its lock
            if (attempt == MAX_REOPENS) {
                throw new IOException(path + " keeps being replaced while it is being locked");
            }
            LOG.debug("{} was removed or replaced while held open; reopening it", path);
            file = open(path, mode);
        }
    }

    /** {@code held} if {@code path} still names it, otherwise a fresh open (the stale one is closed). */
    public static HeldFile current(HeldFile held, Path path, Mode mode) throws IOException {
        if (held != null && !held.closed && held.isStillAt()) {
            return held;
        }
        if (held != null) {
            held.close();
        }
        return open(path, mode);
    }

    public Path path() {
        return path;
    }

    /** Whether opening this file created it (its directory entry then still needs an fsync to be durable). */
    public boolean created() {
        return created;
    }

    /** Blocks until this descriptor holds {@code flock(LOCK_EX)}. */
    public void lock() throws IOException {
        ensureOpen();
        while (true) {
            try {
                LibC.flock(fd, LibC.LOCK_EX);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("flock(LOCK_EX) failed on " + path + ": errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /** Releases the lock. Never throws: a failure is logged and the descriptor closed, which releases it anyway. */
    public void unlock() {
        if (closed) {
            return;
        }
        try {
            LibC.flock(fd, LibC.LOCK_UN);
        } catch (LastErrorException e) {
            LOG.warn("flock(LOCK_UN) failed on {}: errno {}; closing it", path, e.getErrorCode());
            close();
        }
    }

    /** Whether {@code path} still names this file (false when it was removed, renamed away or replaced). */
    public boolean isStillAt() throws IOException {
        ensureOpen();
        return identity.equals(FileIdentity.ofPath(path, cPath));
    }

    /** The current size ({@code lseek(SEEK_END)}; for an appender under its lock, where the next write lands). */
    public long size() throws IOException {
        ensureOpen();
        try {
            return LibC.lseek(fd, 0, LibC.SEEK_END);
        } catch (LastErrorException e) {
            throw new IOException("lseek failed on " + path + ": errno " + e.getErrorCode(), e);
        }
    }

    /**
     * Writes the remaining bytes of {@code data} at the current position (the end, for {@link Mode#APPEND_CREATING})
     * with one {@code write(2)}; a short write is continued with the rest only. Does not move {@code data}.
     */
    public void write(ByteBuffer data) throws IOException {
        ensureOpen();
        byte[] bytes = bytesOf(data);
        long done = 0;
        while (done < bytes.length) {
            byte[] rest = done == 0 ? bytes : Arrays.copyOfRange(bytes, (int) done, bytes.length);
            try {
                long n = LibC.write(fd, rest, rest.length);
                if (n <= 0) {
                    throw new IOException("write to " + path + " wrote nothing");
                }
                done += n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("write to " + path + " failed: errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /** Writes all of {@code data} at {@code position} ({@code pwrite(2)}). */
    public void writeAt(byte[] data, long position) throws IOException {
        ensureOpen();
        long done = 0;
        while (done < data.length) {
            byte[] rest = done == 0 ? data : Arrays.copyOfRange(data, (int) done, data.length);
            try {
                long n = LibC.pwrite(fd, rest, rest.length, position + done);
                if (n <= 0) {
                    throw new IOException("pwrite to " + path + " wrote nothing");
                }
                done += n;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("pwrite to " + path + " failed: errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /** The whole content; fails for a file larger than {@code maxBytes}. */
    public byte[] readAll(int maxBytes) throws IOException {
        ensureOpen();
        // Small files (the counter, the ledger) in one pread, without asking for the size first.
        byte[] small = new byte[SMALL_READ];
        long read = preadFully(small, 0);
        if (read < SMALL_READ) {
            return Arrays.copyOf(small, (int) read);
        }
        long size = size();
        if (size > maxBytes) {
            throw new IOException(path + " is implausibly large (" + size + " bytes)");
        }
        byte[] content = new byte[(int) size];
        long done = preadFully(content, 0);
        return done == content.length ? content : Arrays.copyOf(content, (int) done);
    }

    private static final int SMALL_READ = 4096;

    /** Reads into {@code buffer} from {@code position} until it is full or the file ends; returns the bytes read. */
    private long preadFully(byte[] buffer, long position) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            byte[] chunk = done == 0 ? buffer : new byte[buffer.length - done];
            try {
                long n = LibC.pread(fd, chunk, chunk.length, position + done);
                if (n == 0) {
                    break;
                }
                if (chunk != buffer) {
                    System.arraycopy(chunk, 0, buffer, done, (int) n);
                }
                done += (int) n;
                if (n < chunk.length) {
                    break; // a short read of a regular file is its end
                }
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("pread from " + path + " failed: errno " + e.getErrorCode(), e);
                }
            }
        }
        return done;
    }

    /** Cuts the file to {@code length} bytes ({@code ftruncate(2)}). */
    public void truncate(long length) throws IOException {
        ensureOpen();
        try {
            LibC.ftruncate(fd, length);
        } catch (LastErrorException e) {
            throw new IOException("ftruncate of " + path + " failed: errno " + e.getErrorCode(), e);
        }
    }

    /** {@code fsync(2)}: what {@code FileChannel.force(true)} does. */
    public void sync() throws IOException {
        ensureOpen();
        while (true) {
            try {
                LibC.fsync(fd);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw new IOException("fsync of " + path + " failed: errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    /** Closes the descriptor (releasing its lock). Later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeFd(fd, path);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(path + " is no longer held open");
        }
    }

    private static byte[] bytesOf(ByteBuffer data) {
        if (data.hasArray() && data.arrayOffset() + data.position() == 0 && data.remaining() == data.array().length) {
            return data.array();
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }

    private static void closeFd(int fd, Path path) {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            LOG.warn("close of {} failed: errno {}", path, e.getErrorCode());
        }
    }
}
