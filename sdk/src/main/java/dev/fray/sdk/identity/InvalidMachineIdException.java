package dev.fray.sdk.identity;

/** A machine id that cannot be used as a directory name under {@code shared/machines/}. */
public final class InvalidMachineIdException extends IllegalArgumentException {

    public InvalidMachineIdException(String message) {
        super(message);
    }
}
