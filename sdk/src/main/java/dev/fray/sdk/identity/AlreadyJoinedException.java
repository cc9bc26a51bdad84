package dev.fray.sdk.identity;

import java.io.IOException;
import java.nio.file.Path;

/** This checkout already has a {@code local/machine-id}; joining again would lose its sequence counter. */
public final class AlreadyJoinedException extends IOException {

    public AlreadyJoinedException(Path file, String existingId) {
        super(file + " already exists (this checkout is machine \"" + existingId + "\"); it is never overwritten. "
                + "Use `fray machine rename` to change the id.");
    }
}
