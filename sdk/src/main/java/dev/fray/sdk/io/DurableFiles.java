package dev.fray.sdk.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-file writes that never leave a half-written file behind and survive a power loss once they return.
 *
 * <p>A rename is atomic but only durable once the directory holding the new name is synced (fsync(2) NOTES), so
 * every method that creates or replaces a name also syncs the directory.
 */
public final class DurableFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

    private static final String OS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    private static final boolean WINDOWS = OS.startsWith("windows");
    private static final boolean DIRECTORY_SYNC_MUST_WORK = OS.contains("linux") || OS.contains("mac");

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private DurableFiles() {
    }

    /**
     * Replaces (or creates) {@code target} with {@code content}: a temp file in the same directory is written and
     * fsynced, renamed over the target with {@code ATOMIC_MOVE}, then the directory is fsynced. Readers see the old
     * or the new content, never a mix. Parent directories are created.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        replace(target, content, true);
    }

    /**
     * Like {@link #writeAtomically} (readers never see a partial file) but without any fsync: for derived files
     * that can be recomputed, where a lost update after a crash is harmless but the cost of an fsync is not.
     */
    public static void replaceWithoutSync(Path target, byte[] content) throws IOException {
        replace(target, content, false);
    }

    /**
     * Creates {@code target} with {@code content} only if no file of that name exists, atomically: the content is
     * written and fsynced under a temp name and then hard-linked to the target, so no reader ever sees the target
     * empty or partial. Returns {@code false} (and writes nothing) if the target already exists.
     */
    public static boolean createAtomically(Path target, byte[] content) throws IOException {
        Path dir = parentOf(target);
        createDirectoriesDurably(dir);
        Path temp = tempSibling(target);
        try {
            writeAndSync(temp, content);
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                // No hard links here: fall back to exclusive create (a reader may briefly see a short file).
                try {
                    writeAndSync(target, content);
                } catch (FileAlreadyExistsException exists) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        fsyncDirectory(dir);
        return true;
    }

    /**
     * fsyncs a directory so that names created, renamed or removed in it are durable. Skipped on Windows, where
     * directories cannot be opened as files; on other platforms that are not Linux or macOS a failure is logged
     * and ignored (Lucene's {@code IOUtils.fsync} does the same). On Linux and macOS a failure is an error.
     */
    public static void fsyncDirectory(Path dir) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (DIRECTORY_SYNC_MUST_WORK) {
                throw new IOException("cannot fsync directory " + dir + ": " + e.getMessage(), e);
            }
            LOG.debug("directory fsync not supported for {}: {}", dir, e.toString());
        }
    }

    /**
     * Creates {@code dir} and any missing parents, fsyncing the parent of every directory it actually created so
     * the new directory entries are durable.
     */
    public static void createDirectoriesDurably(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectoriesDurably(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(absolute)) {
                return; // created concurrently by someone else, who syncs its parent
            }
            throw e;
        }
        if (parent != null) {
            fsyncDirectory(parent);
        }
    }

    private static void replace(Path target, byte[] content, boolean durable) throws IOException {
        Path dir = parentOf(target);
        if (durable) {
            createDirectoriesDurably(dir);
        } else {
            Files.createDirectories(dir);
        }
        Path temp = tempSibling(target);
        boolean moved = false;
        try {
            if (durable) {
                writeAndSync(temp, content);
            } else {
                Files.write(temp, content, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        if (durable) {
            fsyncDirectory(dir);
        }
    }

    /** Writes {@code content} into a new file (it must not exist) and fsyncs it. Mode follows the umask. */
    private static void writeAndSync(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * A fresh name next to {@code target} (same directory, so the rename cannot cross devices). Not created here:
     * it is created with {@code CREATE_NEW}, which keeps the umask's mode (createTempFile would force 0600).
     */
    private static Path tempSibling(Path target) {
        long nonce = RANDOM.nextLong() & Long.MAX_VALUE;
        return parentOf(target).resolve("." + target.getFileName() + "." + Long.toString(nonce, 36) + ".tmp");
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("no parent directory: " + target);
        }
        return parent;
    }
}
