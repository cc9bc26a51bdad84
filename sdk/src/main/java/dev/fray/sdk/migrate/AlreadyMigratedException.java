package dev.fray.sdk.migrate;

/** The channel already has the {@code shared/.v2} sentinel or {@code *.jsonl.v1-migrated} files (fray's guard). */
public final class AlreadyMigratedException extends MigrationRefusedException {

    public AlreadyMigratedException(String message) {
        super(message);
    }
}
