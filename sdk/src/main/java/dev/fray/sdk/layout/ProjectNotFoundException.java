package dev.fray.sdk.layout;

import java.io.IOException;
import java.nio.file.Path;

/** No directory from the start directory up to the file system root contains a {@code .fray/} directory. */
public final class ProjectNotFoundException extends IOException {

    private final Path start;

    public ProjectNotFoundException(Path start) {
        super("no fray project found: neither " + start + " nor any parent directory contains a "
                + ChannelPaths.FRAY_DIR + "/ directory (run `fray init` in the project root, or pass the project "
                + "directory explicitly)");
        this.start = start;
    }

    public Path start() {
        return start;
    }
}
