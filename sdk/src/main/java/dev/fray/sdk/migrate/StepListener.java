package dev.fray.sdk.migrate;

import java.io.IOException;

/**
 * Told about every step boundary of a migration. Tests use it to inject a failure (an exception: the migration
 * cleans up as it would after a real I/O error) or a crash (an {@link Error}: no clean-up runs, as when the process
 * dies, and the next run has to recover) at each boundary.
 */
@FunctionalInterface
interface StepListener {

    StepListener NONE = (step, detail) -> { };

    /** Called after {@code step}; {@code detail} names the file for per-file steps, else is empty. */
    void after(MigrationStep step, String detail) throws IOException;
}
