package dev.fray.sdk.cache;

import java.util.Map;

/**
 * What a rebuild did.
 *
 * @param strategy     how the new rows reached the cache file
 * @param rowsAccepted rows the producer emitted, per table (reactions before de-duplication)
 * @param builtAtMs    the build time recorded in the cache
 */
public record RebuildResult(Strategy strategy, Map<String, Long> rowsAccepted, long builtAtMs) {

    public RebuildResult {
        rowsAccepted = Map.copyOf(rowsAccepted);
    }

    /** How the rows reached the cache file. */
    public enum Strategy {
        /** R3: one write transaction on the live WAL database; readers switch atomically at commit. */
        IN_PLACE,
        /** No cache existed: built privately and hard-linked into place (no rename over any database). */
        PUBLISHED_NEW_FILE
    }
}
