package dev.fray.sdk.cache;

/**
 * What a cache file says about its own build, read from the {@code fray_jvm_*} tables.
 *
 * @param schemaVersion {@link CacheSchema#SCHEMA_VERSION} of the fray-jvm that built it
 * @param builtAtMs     wall-clock time (ms) when the rebuild started, before any source was read
 * @param manifest      the source logs the rebuild was given
 * @param indexToken    the token of the persisted event index this cache matches (catch-up), or {@code null}
 */
public record BuiltCache(int schemaVersion, long builtAtMs, SourceManifest manifest, Long indexToken) {

    public BuiltCache(int schemaVersion, long builtAtMs, SourceManifest manifest) {
        this(schemaVersion, builtAtMs, manifest, null);
    }
}
