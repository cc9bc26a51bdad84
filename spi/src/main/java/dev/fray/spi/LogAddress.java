package dev.fray.spi;

import java.util.Objects;

/**
 * Names one append-only log of a channel.
 *
 * <p>{@code machine} is the machine id that owns the log (its directory under {@code shared/machines/}), or
 * {@code null} for a log that is not machine-scoped: the v1 legacy files at the channel root and the machine-local
 * {@code local/runtime.jsonl}. {@code file} is the log's file name, for example {@code messages.jsonl}.
 */
public record LogAddress(String machine, String file) implements Comparable<LogAddress> {

    public LogAddress {
        Objects.requireNonNull(file, "file");
    }

    /** A log in a machine's shared directory. */
    public static LogAddress shared(String machine, String file) {
        return new LogAddress(Objects.requireNonNull(machine, "machine"), file);
    }

    /** A log that belongs to no machine directory. */
    public static LogAddress unscoped(String file) {
        return new LogAddress(null, file);
    }

    /**
     * Canonical order: unscoped logs first, then machines compared as UTF-8 bytes (the order fray's merge uses),
     * then file names as bytes. Never the order a file system happens to list entries in.
     */
    @Override
    public int compareTo(LogAddress other) {
        if (machine == null || other.machine == null) {
            if (machine != other.machine) {
                return machine == null ? -1 : 1;
            }
        } else {
            int byMachine = Utf8Order.compare(machine, other.machine);
            if (byMachine != 0) {
                return byMachine;
            }
        }
        return Utf8Order.compare(file, other.file);
    }

    @Override
    public String toString() {
        return machine == null ? file : machine + "/" + file;
    }
}
