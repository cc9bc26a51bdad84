package dev.fray.sdk.layout;

import dev.fray.sdk.model.StorageVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which layout a channel uses, decided exactly as fray's {@code GetStorageVersion} decides it. */
public final class StorageVersions {

    private static final Logger LOG = LoggerFactory.getLogger(StorageVersions.class);

    private StorageVersions() {
    }

    /**
     * fray's rule: when {@code fray-config.json} is missing, unreadable (including a known key of the wrong type)
     * or has no {@code storage_version}, the sentinel {@code shared/.v2} decides (present ⇒ v2, else v1). A
     * configured value below 2 is overridden by the sentinel; otherwise the configured value decides.
     */
    public static StorageVersion detect(ChannelPaths paths) {
        boolean sentinel = Files.exists(paths.v2Sentinel());
        OptionalLong configured;
        try {
            configured = FrayConfig.read(paths).storageVersion();
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); deciding the storage version by {}", paths.config(), e.getMessage(),
                    paths.v2Sentinel());
            configured = OptionalLong.empty();
        }
        if (configured.isEmpty() || configured.getAsLong() == 0) {
            return sentinel ? StorageVersion.V2 : StorageVersion.V1;
        }
        if (configured.getAsLong() < 2 && sentinel) {
            return StorageVersion.V2;
        }
        return configured.getAsLong() >= 2 ? StorageVersion.V2 : StorageVersion.V1;
    }

    /**
     * fray's open preflight: a channel with the {@code shared/.v2} sentinel and any legacy root log
     * ({@code messages}, {@code threads}, {@code questions}, {@code agents}{@code .jsonl}) is refused.
     */
    public static void checkNoLegacyMix(ChannelPaths paths) throws MixedLayoutException {
        if (!Files.exists(paths.v2Sentinel())) {
            return;
        }
        List<Path> legacy = paths.legacyLogs().stream()
                .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                .toList();
        if (!legacy.isEmpty()) {
            throw new MixedLayoutException(paths.v2Sentinel(), legacy);
        }
    }

    /** {@link #checkNoLegacyMix} then {@link #detect}: what to call when opening a channel. */
    public static StorageVersion detectForOpen(ChannelPaths paths) throws MixedLayoutException {
        checkNoLegacyMix(paths);
        return detect(paths);
    }
}
