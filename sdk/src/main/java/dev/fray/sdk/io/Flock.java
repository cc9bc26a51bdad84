package dev.fray.sdk.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive whole-file locks that interoperate with fray: a real {@code flock(2)}, taken through JNA.
 *
 * <p>Why not {@link java.nio.channels.FileChannel#lock()}: on Unix it is an {@code fcntl} record lock, and on Linux
 * {@code fcntl} and {@code flock} locks do not see each other, so a Java "lock" would not exclude fray (Go,
 * {@code syscall.Flock}) or the util-linux {@code flock} command.
 *
 * <p>Each lock opens its own descriptor on the file ({@code O_RDONLY|O_CLOEXEC}, or {@code O_RDWR|O_CREAT} when asked
 * to create the file) and closing the handle releases it. Because {@code flock} locks belong to the open file
 * description, two handles on the same file exclude each other even inside one process, so these locks also
 * serialise threads. Closing some other descriptor of the file does not drop the lock (unlike {@code fcntl} locks).
 *
 * <p>Fallback: where libc {@code flock} is not available (anything but Linux and macOS, or JNA failing to load)
 * the lock is JVM-only: it serialises threads of this process but not other processes. This is logged once.
 *
 * <p>Limits: advisory only; on NFS Linux emulates {@code flock} with byte-range locks; locks never cross machines.
 */
public final class Flock {

    private static final Logger LOG = LoggerFactory.getLogger(Flock.class);

    private static final boolean NATIVE = loadNative();

    private static final ConcurrentHashMap<Path, Semaphore> JVM_LOCKS = new ConcurrentHashMap<>();

    private Flock() {
    }

    /** Whether locks are real {@code flock(2)} locks on this platform (otherwise JVM-only). */
    public static boolean isNative() {
        return NATIVE;
    }

    /** Blocks until an exclusive lock on the existing file {@code path} is held. */
    public static FlockHandle exclusive(Path path) throws IOException {
        return acquire(path, false, true);
    }

    /** Blocks until an exclusive lock is held, creating the file (empty, mode 0644) if it does not exist. */
    public static FlockHandle exclusiveCreating(Path path) throws IOException {
        return acquire(path, true, true);
    }

    /** Takes the lock if nobody holds it, otherwise returns empty at once. The file must exist. */
    public static Optional<FlockHandle> tryExclusive(Path path) throws IOException {
        return Optional.ofNullable(acquire(path, false, false));
    }

    private static FlockHandle acquire(Path path, boolean create, boolean wait) throws IOException {
        Path file = path.toAbsolutePath().normalize();
        return NATIVE ? acquireNative(file, create, wait) : acquireJvm(file, create, wait);
    }

    private static FlockHandle acquireNative(Path file, boolean create, boolean wait) throws IOException {
        int flags = (create ? LibC.O_RDWR | LibC.O_CREAT : LibC.O_RDONLY) | LibC.O_CLOEXEC;
        int fd;
        try {
            fd = LibC.open(file.toString(), flags, 0644);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + file + " for locking: errno " + e.getErrorCode(), e);
        }
        try {
            while (true) {
                try {
                    LibC.flock(fd, wait ? LibC.LOCK_EX : LibC.LOCK_EX | LibC.LOCK_NB);
                    return new NativeHandle(file, fd);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == LibC.EINTR) {
                        continue;
                    }
                    if (!wait && e.getErrorCode() == LibC.EWOULDBLOCK) {
                        closeQuietly(fd, file);
                        return null;
                    }
                    throw new IOException("flock(LOCK_EX) failed on " + file + ": errno " + e.getErrorCode(), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(fd, file);
            throw e;
        }
    }

    private static FlockHandle acquireJvm(Path file, boolean create, boolean wait) throws IOException {
        if (create) {
            try {
                java.nio.file.Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException ignored) {
                // fine: the lock only needs the file to exist
            }
        } else if (!java.nio.file.Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "cannot lock a missing file");
        }
        Semaphore semaphore = JVM_LOCKS.computeIfAbsent(file.toRealPath(), p -> new Semaphore(1));
        if (wait) {
            semaphore.acquireUninterruptibly();
        } else if (!semaphore.tryAcquire()) {
            return null;
        }
        return new JvmHandle(file, semaphore);
    }

    private static void closeQuietly(int fd, Path file) {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            LOG.warn("close of lock descriptor for {} failed: errno {}", file, e.getErrorCode());
        }
    }

    private static boolean loadNative() {
        if (!(Platform.isLinux() || Platform.isMac())) {
            LOG.warn("flock(2) is not available on this platform: file locks are JVM-only and do not exclude "
                    + "other processes (fray, other JVMs)");
            return false;
        }
        try {
            Class.forName(LibC.class.getName(), true, Flock.class.getClassLoader());
            return true;
        } catch (LinkageError | ClassNotFoundException e) {
            LOG.warn("cannot bind libc flock through JNA ({}): file locks are JVM-only and do not exclude other "
                    + "processes (fray, other JVMs)", e.toString());
            return false;
        }
    }

    private static final class NativeHandle implements FlockHandle {
        private final Path path;
        private final int fd;
        private final AtomicBoolean closed = new AtomicBoolean();

        NativeHandle(Path path, int fd) {
            this.path = path;
            this.fd = fd;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public boolean isOsLock() {
            return true;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    LibC.flock(fd, LibC.LOCK_UN);
                } catch (LastErrorException e) {
                    LOG.warn("flock(LOCK_UN) failed on {}: errno {}", path, e.getErrorCode());
                }
                closeQuietly(fd, path); // closing the last descriptor releases the lock in any case
            }
        }
    }

    private static final class JvmHandle implements FlockHandle {
        private final Path path;
        private final Semaphore semaphore;
        private final AtomicBoolean closed = new AtomicBoolean();

        JvmHandle(Path path, Semaphore semaphore) {
            this.path = path;
            this.semaphore = semaphore;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public boolean isOsLock() {
            return false;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }
}
