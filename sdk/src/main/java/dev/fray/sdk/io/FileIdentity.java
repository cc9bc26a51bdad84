package dev.fray.sdk.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Which file (device and inode) a path or an open descriptor is: what {@link HeldFile} compares to notice a file
 * removed or replaced while held. Checked on every append, so it should be cheap even before the JIT has compiled
 * anything: on Linux it is one {@code stat(2)}/{@code fstat(2)} through JNA, comparing the first 16 bytes of
 * {@code struct stat}, which are {@code st_dev} and {@code st_ino} on every 64-bit Linux ABI. Elsewhere (or where
 * libc does not export {@code stat}, glibc before 2.33) it falls back to {@link Files#readAttributes}'s file key, and
 * to {@code /proc/self/fd} or {@code /dev/fd} for a descriptor.
 */
final class FileIdentity {

    /** Comfortably more than {@code sizeof(struct stat)} on any 64-bit Linux (144 on x86-64, 128 on arm64). */
    private static final int STAT_BUFFER = 256;
    private static final int IDENTITY_BYTES = 16;

    private static final boolean NATIVE = bindNative();
    private static final String FD_DIR = fdDirectory();

    private FileIdentity() {
    }

    /** Whether descriptors can be identified here at all. */
    static boolean isSupported() {
        return NATIVE || FD_DIR != null;
    }

    /** The identity of the file open as {@code fd} (even if it has been removed). */
    static Object ofDescriptor(int fd, Path path) throws IOException {
        if (NATIVE) {
            byte[] stat = new byte[STAT_BUFFER];
            try {
                Native.fstat(fd, stat);
            } catch (LastErrorException e) {
                throw new IOException("fstat of " + path + " failed: errno " + e.getErrorCode(), e);
            }
            return new Key(Arrays.copyOf(stat, IDENTITY_BYTES));
        }
        Object key = Files.readAttributes(Path.of(FD_DIR, Integer.toString(fd)), BasicFileAttributes.class).fileKey();
        if (key == null) {
            throw new IOException("cannot tell which file descriptor " + fd + " of " + path + " is");
        }
        return key;
    }

    /**
     * {@code path} as the C string libc is given for it: encoded as JNA encodes a {@code String} argument (so it
     * names the file {@link LibC#open} opened), NUL-terminated. Computed once per held file: JNA converts a
     * {@code String} argument through a call back into Java on every call.
     */
    static byte[] cPath(Path path) {
        byte[] bytes = path.toString().getBytes(java.nio.charset.Charset.forName(
                com.sun.jna.Native.getDefaultStringEncoding()));
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** The identity of the file {@code path} ({@code cPath} as from {@link #cPath}) names now; null when none. */
    static Object ofPath(Path path, byte[] cPath) throws IOException {
        if (NATIVE) {
            byte[] stat = new byte[STAT_BUFFER];
            try {
                Native.stat(cPath, stat);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == LibC.ENOENT || e.getErrorCode() == ENOTDIR) {
                    return null;
                }
                throw new IOException("stat of " + path + " failed: errno " + e.getErrorCode(), e);
            }
            return new Key(Arrays.copyOf(stat, IDENTITY_BYTES));
        }
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static final int ENOTDIR = 20;

    /** {@code st_dev} and {@code st_ino} as raw bytes. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static boolean bindNative() {
        if (!Platform.isLinux() || !Flock.isNative() || com.sun.jna.Native.SIZE_T_SIZE != 8) {
            return false;
        }
        try {
            Class.forName(Native.class.getName(), true, FileIdentity.class.getClassLoader());
            return true;
        } catch (LinkageError | ClassNotFoundException e) {
            return false; // glibc before 2.33 exports only __xstat / __fxstat
        }
    }

    private static String fdDirectory() {
        for (String dir : new String[] {"/proc/self/fd", "/dev/fd"}) {
            if (Files.isDirectory(Path.of(dir))) {
                return dir;
            }
        }
        return null;
    }

    /** {@code stat} and {@code fstat}, bound apart from {@link LibC} so that a libc without them costs only this. */
    private static final class Native {
        static {
            com.sun.jna.Native.register(Native.class, Platform.C_LIBRARY_NAME);
        }

        static native int stat(byte[] path, byte[] buffer) throws LastErrorException;

        static native int fstat(int fd, byte[] buffer) throws LastErrorException;
    }
}
