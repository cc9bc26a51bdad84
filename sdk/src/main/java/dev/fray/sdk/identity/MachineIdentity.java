package dev.fray.sdk.identity;

import java.util.Objects;

/**
 * The content of {@code local/machine-id}: this checkout's machine id, the last sequence number handed out
 * ({@code 0} before the first), and when the file was created (Unix seconds, {@code 0} if unknown).
 */
public record MachineIdentity(String id, long seq, long createdAt) {

    public MachineIdentity {
        Objects.requireNonNull(id, "id");
    }
}
