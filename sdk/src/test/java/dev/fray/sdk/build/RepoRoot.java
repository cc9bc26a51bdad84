package dev.fray.sdk.build;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the fray-jvm checkout the tests run in, whatever directory Maven starts them from. */
final class RepoRoot {

    /** The include file that marks the repository root; also what the build-consistency tests read. */
    static final Path INCLUDE_FILE = Path.of("scripts", "lib", "FraySdk.java");

    private RepoRoot() {
    }

    /** The nearest directory at or above the working directory that holds {@code scripts/lib/FraySdk.java}. */
    static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(INCLUDE_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + INCLUDE_FILE + " in " + start + " or any parent directory");
    }
}
