package dev.fray.sdk.cache;

import dev.fray.sdk.layout.ChannelPaths;
import java.util.Optional;

/**
 * Decides whether the cache must be rebuilt before it is used. Stronger than fray's mtime-only rule (reference §3.2),
 * because sync tools (rsync -t, Syncthing, git checkouts…) can deliver changed logs with an <em>older</em> mtime.
 */
public final class CacheFreshness {

    private CacheFreshness() {
    }

    /**
     * Why the cache of {@code paths} is stale with respect to the current sources, or empty if it is fresh. Stale when
     * the cache is missing or unreadable as a fray-jvm cache, was built by another cache schema version, or
     * {@link SourceManifest#changesSince} reports a change.
     */
    public static Optional<String> staleReason(ChannelPaths paths, SourceManifest current) {
        Optional<BuiltCache> built;
        try {
            built = CacheMetadata.read(paths.cacheDb());
        } catch (CacheException e) {
            return Optional.of("cache unreadable: " + e.getMessage());
        }
        return staleReason(paths, built, current);
    }

    /** As {@link #staleReason(ChannelPaths, SourceManifest)}, with the cache's metadata already read. */
    public static Optional<String> staleReason(ChannelPaths paths, Optional<BuiltCache> built,
            SourceManifest current) {
        if (built.isEmpty()) {
            return Optional.of("no fray-jvm cache at " + paths.cacheDb());
        }
        BuiltCache cache = built.get();
        if (cache.schemaVersion() != CacheSchema.SCHEMA_VERSION) {
            return Optional.of("cache schema version " + cache.schemaVersion() + " != " + CacheSchema.SCHEMA_VERSION);
        }
        return current.changesSince(cache.manifest(), cache.builtAtMs());
    }

    /** {@code true} when {@link #staleReason} gives a reason. */
    public static boolean isStale(ChannelPaths paths, SourceManifest current) {
        return staleReason(paths, current).isPresent();
    }
}
