package dev.fray.sdk.migrate;

import java.io.IOException;

/**
 * The migration passed its commit point ({@code shared/.v2} is written, the channel is v2) but a later step failed.
 * Nothing is lost; {@link V1ToV2Migration#resume} (or migrating again) finishes the remaining steps. Until then fray
 * refuses to open the channel if its v1 logs are still at the root.
 */
public final class MigrationIncompleteException extends IOException {

    public MigrationIncompleteException(String message, Throwable cause) {
        super(message, cause);
    }
}
