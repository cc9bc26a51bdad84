package dev.fray.sdk.io;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The libc calls {@link Flock} and {@link HeldFile} need, bound by JNA direct mapping (cheaper than interface mapping,
 * and the declared {@link LastErrorException} carries {@code errno} captured right after the call).
 *
 * <p>Only loaded on Linux and macOS; constants differ between the two and are chosen at class initialisation.
 * {@code size_t}, {@code ssize_t} and {@code off_t} are bound as Java {@code long}: right on the 64-bit platforms only,
 * which is why {@link HeldFile#isSupported()} also asks for 64-bit sizes.
 */
final class LibC {

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_APPEND = Platform.isMac() ? 0x0008 : 0x0400;
    static final int O_CREAT = Platform.isMac() ? 0x0200 : 0x0040;
    static final int O_CLOEXEC = Platform.isMac() ? 0x0100_0000 : 0x0008_0000;

    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;

    static final int SEEK_END = 2;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EWOULDBLOCK = Platform.isMac() ? 35 : 11;

    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int open(String path, int flags, int mode) throws LastErrorException;

    static native int flock(int fd, int operation) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native long write(int fd, byte[] buffer, long count) throws LastErrorException;

    static native long pwrite(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

    static native long pread(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

    static native long lseek(int fd, long offset, int whence) throws LastErrorException;

    static native int fsync(int fd) throws LastErrorException;

    static native int ftruncate(int fd, long length) throws LastErrorException;
}
