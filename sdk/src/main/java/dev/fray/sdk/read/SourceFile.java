package dev.fray.sdk.read;

import dev.fray.sdk.model.LogFile;
import dev.fray.spi.LogAddress;

/**
 * One log a rebuild reads. {@code id} is its position in the canonical listing (a stable tie-breaker);
 * {@code machineRank} is the position of its machine among all machines sorted by UTF-8 bytes (0 for logs outside
 * {@code shared/machines/}), so comparing ranks compares machine names the way fray does.
 */
public record SourceFile(int id, LogAddress address, LogFile log, int machineRank) {

    /** The machine directory name, or {@code null} for v1 logs and {@code local/runtime.jsonl}. */
    public String machine() {
        return address.machine();
    }

    /** True for the machine-local runtime log of a v2 channel. */
    public boolean isRuntime() {
        return log == LogFile.RUNTIME;
    }
}
