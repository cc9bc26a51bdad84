package dev.fray.sdk.cache;

import java.util.Objects;

/**
 * What the cache remembers about one source log it was built from.
 *
 * @param path        path relative to {@code .fray/}, with {@code /} separators
 * @param size        size in bytes
 * @param mtimeMs     last-modified time in milliseconds
 * @param fingerprint cheap content fingerprint: SHA-256 (hex) over the size and the last 4 KiB before it
 */
public record SourceSnapshot(String path, long size, long mtimeMs, String fingerprint) {

    public SourceSnapshot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Same content as far as the fingerprint can tell (size and tail), whatever the mtime. */
    public boolean sameContentAs(SourceSnapshot other) {
        return size == other.size && fingerprint.equals(other.fingerprint);
    }
}
