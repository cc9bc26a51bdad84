package dev.fray.sdk.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The identity of the running OS boot: Linux's {@code /proc/sys/kernel/random/boot_id}, a random UUID the kernel
 * picks at every boot. Two reads in one boot give the same value; a reboot (clean or after a crash) gives a new one.
 * {@link SequenceCounter} relies on exactly that: while the boot lasts, the page cache holds every write to a file,
 * whether or not it was fsynced, so only a file written in an <em>earlier</em> boot can have lost writes.
 *
 * <p>Empty where there is no such file (macOS, Windows, some containers): callers then fall back to fsyncing.
 */
final class BootId {

    private static final Path LINUX = Path.of("/proc/sys/kernel/random/boot_id");

    private static final Optional<String> CURRENT = read(LINUX);

    private BootId() {
    }

    /** This boot's id, read once per JVM (a boot id cannot change while a process runs). */
    static Optional<String> current() {
        return CURRENT;
    }

    static Optional<String> read(Path file) {
        try {
            String id = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            return id.matches("[0-9a-fA-F-]{16,64}") ? Optional.of(id) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
