package dev.fray.sdk.layout;

import dev.fray.sdk.io.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keeps {@code .fray/.gitignore} listing what must never be committed, like fray's {@code EnsureFrayGitignore}. */
public final class GitIgnoreFile {

    /** The SQLite cache files and the machine-local directory. */
    public static final List<String> REQUIRED = List.of("*.db", "*.db-wal", "*.db-shm", ChannelPaths.LOCAL_DIR + "/");

    private GitIgnoreFile() {
    }

    /**
     * Appends each {@link #REQUIRED} entry that is missing (compared line by line, ignoring surrounding
     * whitespace), keeping the existing content as it is. Creates the file if needed; does not touch it when
     * nothing is missing. Returns the entries it added.
     */
    public static List<String> ensure(ChannelPaths paths) throws IOException {
        String existing;
        try {
            existing = Files.readString(paths.gitignore(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            existing = "";
        }
        Set<String> present = new HashSet<>();
        for (String line : existing.split("\n", -1)) {
            present.add(line.strip());
        }
        List<String> missing = new ArrayList<>();
        for (String entry : REQUIRED) {
            if (!present.contains(entry)) {
                missing.add(entry);
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        StringBuilder out = new StringBuilder(existing);
        if (!existing.isEmpty() && !existing.endsWith("\n")) {
            out.append('\n');
        }
        for (String entry : missing) {
            out.append(entry).append('\n');
        }
        DurableFiles.writeAtomically(paths.gitignore(), out.toString().getBytes(StandardCharsets.UTF_8));
        return List.copyOf(missing);
    }
}
