package dev.fray.sdk.layout;

import dev.fray.sdk.model.LogFile;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where each file of a channel lives, relative to its {@code .fray/} directory. Pure path arithmetic: nothing here
 * touches the disk. The single source of truth for the channel's directory layout.
 */
public record ChannelPaths(Path frayDir) {

    public static final String FRAY_DIR = ".fray";
    public static final String CONFIG_FILE = "fray-config.json";
    public static final String SHARED_DIR = "shared";
    public static final String MACHINES_DIR = "machines";
    public static final String LOCAL_DIR = "local";
    public static final String V2_SENTINEL = ".v2";
    public static final String MACHINE_ID_FILE = "machine-id";
    public static final String CACHE_DB = "fray.db";
    public static final String COLLISIONS_FILE = "collisions.json";
    public static final String FRAY_CHECKSUMS_FILE = "checksums.json";
    public static final String MIGRATED_SUFFIX = ".v1-migrated";
    /** fray-jvm's per-machine integrity ledger, inside each machine's own directory (fray ignores non-log files). */
    public static final String INTEGRITY_LEDGER = "integrity.json";
    public static final String GITIGNORE = ".gitignore";
    /** fray-jvm's lock file serialising its own read-merge-write updates of fray-config.json on this host. */
    public static final String CONFIG_LOCK = "config.lock";
    /**
     * fray-jvm's journal of an unfinished v1→v2 migration: exists from the migration's first write until its last
     * step, so the next run knows what a crashed attempt created (and may remove) or has still to finish.
     */
    public static final String MIGRATION_JOURNAL = "migrate-v2.journal.json";

    public ChannelPaths {
        Objects.requireNonNull(frayDir, "frayDir");
        frayDir = frayDir.toAbsolutePath().normalize();
    }

    /** The paths of the channel whose {@code .fray/} directory sits in {@code projectRoot}. */
    public static ChannelPaths ofProjectRoot(Path projectRoot) {
        return new ChannelPaths(projectRoot.resolve(FRAY_DIR));
    }

    public Path projectRoot() {
        return frayDir.getParent();
    }

    public Path config() {
        return frayDir.resolve(CONFIG_FILE);
    }

    public Path sharedDir() {
        return frayDir.resolve(SHARED_DIR);
    }

    public Path v2Sentinel() {
        return sharedDir().resolve(V2_SENTINEL);
    }

    /** fray's own shared, rewritten-in-place checksum file (read, never written, by fray-jvm). */
    public Path frayChecksums() {
        return sharedDir().resolve(FRAY_CHECKSUMS_FILE);
    }

    public Path machinesDir() {
        return sharedDir().resolve(MACHINES_DIR);
    }

    public Path machineDir(String machineId) {
        return machinesDir().resolve(machineId);
    }

    /** A v2 shared log of one machine. */
    public Path machineLog(String machineId, LogFile file) {
        return machineDir(machineId).resolve(file.fileName());
    }

    public Path localDir() {
        return frayDir.resolve(LOCAL_DIR);
    }

    public Path machineIdFile() {
        return localDir().resolve(MACHINE_ID_FILE);
    }

    /** fray-jvm's persisted event index of the last full rebuild (machine-local; lets a rebuild catch up). */
    public Path eventIndex() {
        return localDir().resolve("fray-jvm-index.bin");
    }

    /** fray-jvm's catch-up state: how far each log was read, plus the events read since {@link #eventIndex()}. */
    public Path eventIndexState() {
        return localDir().resolve("fray-jvm-index-state.bin");
    }

    public Path runtimeLog() {
        return localDir().resolve(LogFile.RUNTIME.fileName());
    }

    /** fray-jvm's SQLite cache. Machine-local in both layouts, so it never clobbers fray's own {@code .fray/fray.db}. */
    public Path cacheDb() {
        return localDir().resolve(CACHE_DB);
    }

    public Path collisionsFile() {
        return localDir().resolve(COLLISIONS_FILE);
    }

    /** A v1 log at the channel root (also {@code permissions.jsonl} in both layouts). */
    public Path rootLog(LogFile file) {
        return frayDir.resolve(file.fileName());
    }

    public Path gitignore() {
        return frayDir.resolve(GITIGNORE);
    }

    /** The v1 logs at the channel root whose presence next to the v2 sentinel makes a project unopenable. */
    public java.util.List<Path> legacyLogs() {
        return LogFile.LEGACY_V1.stream().map(this::rootLog).toList();
    }

    /** Where migration moves a v1 log: its name plus {@link #MIGRATED_SUFFIX}, at the channel root. */
    public Path migratedLegacyLog(LogFile file) {
        return frayDir.resolve(file.fileName() + MIGRATED_SUFFIX);
    }

    /** fray-jvm's journal of an unfinished migration (see {@link #MIGRATION_JOURNAL}). */
    public Path migrationJournal() {
        return frayDir.resolve(MIGRATION_JOURNAL);
    }

    /** fray-jvm's integrity ledger of one machine. */
    public Path integrityLedger(String machineId) {
        return machineDir(machineId).resolve(INTEGRITY_LEDGER);
    }

    /** Machine-local lock file for config updates (the config itself is replaced by rename, so not lockable). */
    public Path configLock() {
        return localDir().resolve(CONFIG_LOCK);
    }
}
