package dev.fray.sdk.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test fixtures: {@code shared/} lies beside the repository checkout (in development and in CI alike),
 * so it is found from the working directory upwards, never by an absolute path.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The real fray v1 channel's {@code .fray/} directory (read-only: copy it before writing). */
    public static Path v1ChannelFrayDir() {
        return sharedDir().resolve("fixtures/fray-v1-channel/.fray");
    }

    /** The nearest {@code shared/} directory with fixtures at or above the working directory. */
    public static Path sharedDir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("fixtures/fray-v1-channel"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures/fray-v1-channel beside " + start
                + " or any parent: the fixtures live in ../shared next to the checkout");
    }
}
