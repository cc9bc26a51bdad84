package dev.fray.sdk.migrate;

import java.io.IOException;

/** The channel is not in a state migration can start from; nothing was changed. The message says why and what to do. */
public class MigrationRefusedException extends IOException {

    public MigrationRefusedException(String message) {
        super(message);
    }
}
