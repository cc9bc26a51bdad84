package dev.fray.sdk.integrity;

/**
 * One integrity problem: {@code machine} (null for channel-wide files), the file name within the machine
 * directory, and what is wrong. The rebuild reports findings as warnings; they never stop it.
 */
public record IntegrityFinding(String machine, String file, String message) {

    @Override
    public String toString() {
        return (machine == null ? "" : machine + "/") + file + ": " + message;
    }
}
