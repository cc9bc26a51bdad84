package dev.fray.sdk.identity;

import java.io.IOException;
import java.nio.file.Path;

/** A machine directory with the requested id (or one differing only in letter case) already exists. */
public final class MachineExistsException extends IOException {

    public MachineExistsException(String id, Path existing) {
        super("machine id already exists: " + existing + " is taken (machine ids must be unique in a channel; "
                + "ids differing only in letter case collide on macOS and Windows). Choose another id.");
    }
}
