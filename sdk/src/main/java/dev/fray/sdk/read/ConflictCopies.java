package dev.fray.sdk.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recognises the copies sync tools leave next to a file they could not merge: Syncthing's
 * {@code name.sync-conflict-<date>-<time>-<device>.ext} and Dropbox's {@code name (… conflicted copy …).ext}. These
 * are never read (only the canonical file names are), but they are reported so a user can reconcile them.
 */
public final class ConflictCopies {

    private ConflictCopies() {
    }

    public static boolean isConflictCopy(String fileName) {
        return fileName.contains(".sync-conflict-")
                || (fileName.contains("conflicted copy") && fileName.contains("("));
    }

    /** Conflict copies directly inside {@code dir}, as paths, sorted by name; none if the directory is missing. */
    public static List<Path> in(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> isConflictCopy(p.getFileName().toString())).forEach(found::add);
        }
        found.sort((a, b) -> dev.fray.spi.Utf8Order.compare(a.getFileName().toString(), b.getFileName().toString()));
        return found;
    }
}
