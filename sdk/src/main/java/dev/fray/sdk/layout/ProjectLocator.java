package dev.fray.sdk.layout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the channel a directory belongs to: the nearest ancestor (the directory itself included) that contains a
 * {@code .fray/} directory, as fray's project discovery does. Unlike fray it does not also require a database or a
 * legacy log to exist there, so a fresh v2 checkout (only {@code shared/}) is found too.
 */
public final class ProjectLocator {

    private ProjectLocator() {
    }

    /** The channel of {@code start}; fails with {@link ProjectNotFoundException} when there is none. */
    public static ChannelPaths locate(Path start) throws IOException {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(ChannelPaths.FRAY_DIR))) {
                return ChannelPaths.ofProjectRoot(dir);
            }
        }
        throw new ProjectNotFoundException(absolute);
    }

    /** The channel of the working directory. */
    public static ChannelPaths locateFromWorkingDirectory() throws IOException {
        return locate(Path.of(""));
    }
}
