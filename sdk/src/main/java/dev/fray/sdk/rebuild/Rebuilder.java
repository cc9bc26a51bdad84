package dev.fray.sdk.rebuild;

import dev.fray.sdk.cache.BuiltCache;
import dev.fray.sdk.cache.CacheException;
import dev.fray.sdk.cache.CacheFreshness;
import dev.fray.sdk.cache.CacheMetadata;
import dev.fray.sdk.cache.CacheSchema;
import dev.fray.sdk.cache.CacheWriter;
import dev.fray.sdk.cache.RebuildResult;
import dev.fray.sdk.cache.SourceManifest;
import dev.fray.sdk.fold.CatchUp;
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
 *
 * <p>When the cache is stale only because logs grew, it is <b>caught up</b> instead ({@link CatchUp}): only the new
 * lines are read and only the entities they touch are re-folded and replaced, in one transaction. Whatever a
 * catch-up cannot do exactly (a changed prefix, a log that shrank or vanished, a new machine, no matching event
 * index…) falls back to the full rebuild; the report says which path was taken and why ({@link RebuildReport#how}).
 */
public final class Rebuilder {

    private Rebuilder() {
    }

    /**
     * Why a catch-up cannot even be tried: no cache of this schema, or one that carries no event index token. Whether
     * the index state on disk carries the same token is {@link CatchUp#run}'s first check (it reads that state anyway).
     */
    private static Optional<String> catchUpRefusal(Optional<BuiltCache> built) {
        if (built.isEmpty() || built.get().schemaVersion() != CacheSchema.SCHEMA_VERSION) {
            return Optional.of("no cache of this schema to catch up");
        }
        if (built.get().indexToken() == null) {
            return Optional.of("no event index matching the cache");
        }
        return Optional.empty();
    }

    /** Rebuilds only if the cache is stale. */
    public static RebuildReport rebuildIfStale(ChannelPaths paths) throws IOException {
        return rebuild(paths, false);
    }

    /**
     * Rebuilds if stale, or always with {@code force}.
     *
     * @throws IOException if the logs cannot be read (the cache is left as it was), or if the event index for later
     *                     catch-ups cannot be written (the cache is rebuilt all the same; the next rebuild is full)
     */
    public static RebuildReport rebuild(ChannelPaths paths, boolean force) throws IOException {
        long t0 = System.nanoTime();
        StorageVersion version = StorageVersions.detectForOpen(paths);
        DirectoryStorageBackend backend = new DirectoryStorageBackend(paths);
        SourceListing listing = SourceListing.of(backend, version);
        List<Path> sourcePaths = new ArrayList<>();
        listing.sources().forEach(s -> sourcePaths.add(backend.pathOf(s.address())));
        SourceManifest manifest = SourceManifest.scan(paths.frayDir(), sourcePaths);

        // the cache's metadata is read once, for both the staleness check and the catch-up decision
        Optional<BuiltCache> built = Optional.empty();
        Optional<String> staleReason = Optional.of("forced");
        if (!force) {
            try {
                built = CacheMetadata.read(paths.cacheDb());
                staleReason = CacheFreshness.staleReason(paths, built, manifest);
            } catch (CacheException e) {
                staleReason = Optional.of("cache unreadable: " + e.getMessage());
            }
        }
        if (staleReason.isEmpty()) {
            return RebuildReport.upToDate(paths, version, listing.machines(), Duration.ofNanos(System.nanoTime() - t0));
        }

        long token = new java.security.SecureRandom().nextLong();
        String fullReason = staleReason.get();
        if (!force) {
            Optional<String> refused = catchUpRefusal(built);
            if (refused.isEmpty()) {
                CatchUp.Outcome outcome = CatchUp.run(backend, version, built.get().indexToken(), token);
                if (outcome instanceof CatchUp.Patch patch) {
                    RebuildResult cache = CacheWriter.patch(paths, patch.deletes(), patch.inserts(), manifest,
                            token);
                    patch.commit().run();
                    if (version.isMultiMachine()) {
                        CollisionLog.write(paths, patch.fold().collisions(), System.currentTimeMillis() / 1000);
                    }
                    // integrity: the read prefixes were checked by fingerprint; the full ledger check (which hashes
                    // every log) is left to full rebuilds
                    return RebuildReport.rebuilt(paths, version, listing.machines(), staleReason.get(),
                            RebuildReport.How.CATCH_UP, null, patch.fold(), cache, List.of(),
                            Duration.ofNanos(System.nanoTime() - t0));
                }
                refused = Optional.of(((CatchUp.Refused) outcome).reason());
            }
            fullReason = staleReason.get() + "; full rebuild: " + refused.get();
        }

        List<IntegrityFinding> integrity = version.isMultiMachine() ? IntegrityVerifier.verifyAll(paths) : List.of();
        ChannelFold.IndexedFold[] fold = new ChannelFold.IndexedFold[1];
        RebuildResult cache;
        try {
            cache = CacheWriter.rebuild(paths, sink -> {
                try {
                    fold[0] = ChannelFold.runAndIndex(backend, version, sink, token);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, manifest, token);
            // the event index was written while the cache was finished; if it failed, the cache is already in but
            // carries a token no index matches, so the next rebuild is a full one
            fold[0].index().await();
        } finally {
            if (fold[0] != null) {
                fold[0].index().close();
            }
        }
        FoldResult folded = fold[0].fold();
        if (version.isMultiMachine()) {
            CollisionLog.write(paths, folded.collisions(), System.currentTimeMillis() / 1000);
        }
        return RebuildReport.rebuilt(paths, version, listing.machines(), staleReason.get(), RebuildReport.How.FULL,
                fullReason.equals(staleReason.get()) ? null : fullReason, folded, cache, integrity,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
