package dev.fray.sdk.layout;

import java.io.IOException;
import java.nio.file.Path;

/** {@code fray-config.json} is not valid JSON, not an object, or a known key holds a value of the wrong type. */
public final class ConfigFormatException extends IOException {

    private final Path file;

    public ConfigFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
