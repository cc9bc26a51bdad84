package dev.fray.sdk.rebuild;

import dev.fray.sdk.cache.CacheFreshness;
import dev.fray.sdk.cache.CacheWriter;
import dev.fray.sdk.cache.RebuildResult;
import dev.fray.sdk.cache.SourceManifest;
import dev.fray.sdk.fold.ChannelFold;
import dev.fray.sdk.fold.CollisionLog;
import dev.fray.sdk.fold.FoldResult;
import dev.fray.sdk.integrity.IntegrityFinding;
import dev.fray.sdk.integrity.IntegrityVerifier;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.StorageVersions;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.read.SourceListing;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings a channel's SQLite cache up to date with its logs: the one call an embedder or a command needs.
 *
 * <p>Steps: detect the layout (refusing a channel that mixes layouts), list the sources canonically, decide whether
 * the cache is stale ({@link CacheFreshness}: newer mtime as fray, or a changed size or content with an older mtime),
 * and if so fold every log ({@link ChannelFold}) straight into one cache transaction ({@link CacheWriter}); then
 * refresh {@code local/collisions.json} and check the integrity records (a mismatch is a warning, never a failure).
 */
public final class Rebuilder {

    private Rebuilder() {
    }

    /** Rebuilds only if the cache is stale. */
    public static RebuildReport rebuildIfStale(ChannelPaths paths) throws IOException {
        return rebuild(paths, false);
    }

    /** Rebuilds if stale, or always with {@code force}. */
    public static RebuildReport rebuild(ChannelPaths paths, boolean force) throws IOException {
        long t0 = System.nanoTime();
        StorageVersion version = StorageVersions.detectForOpen(paths);
        DirectoryStorageBackend backend = new DirectoryStorageBackend(paths);
        SourceListing listing = SourceListing.of(backend, version);
        List<Path> sourcePaths = new ArrayList<>();
        listing.sources().forEach(s -> sourcePaths.add(backend.pathOf(s.address())));
        SourceManifest manifest = SourceManifest.scan(paths.frayDir(), sourcePaths);

        Optional<String> staleReason = force ? Optional.of("forced") : CacheFreshness.staleReason(paths, manifest);
        if (staleReason.isEmpty()) {
            return RebuildReport.upToDate(paths, version, listing.machines(), Duration.ofNanos(System.nanoTime() - t0));
        }

        List<IntegrityFinding> integrity = version.isMultiMachine() ? IntegrityVerifier.verifyAll(paths) : List.of();
        FoldResult[] fold = new FoldResult[1];
        RebuildResult cache = CacheWriter.rebuild(paths, sink -> {
            try {
                fold[0] = ChannelFold.run(backend, version, sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, manifest);
        if (version.isMultiMachine()) {
            CollisionLog.write(paths, fold[0].collisions(), System.currentTimeMillis() / 1000);
        }
        return RebuildReport.rebuilt(paths, version, listing.machines(), staleReason.get(), fold[0], cache, integrity,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
