package dev.fray.sdk.migrate;

/** Thrown by a test {@link StepListener} to stop a migration dead, as a killed process would: no clean-up runs. */
final class SimulatedCrash extends Error {

    SimulatedCrash(MigrationStep step, String detail) {
        super("simulated crash after " + step + (detail.isEmpty() ? "" : " " + detail));
    }
}
