package dev.fray.sdk.migrate;

/**
 * The boundaries between migration steps, in order. Each is reported to the {@link StepListener} right after the
 * step is done; a step that works per file is reported once per file.
 */
enum MigrationStep {
    /** The journal is durable: from here on the next run can undo what this attempt creates. */
    JOURNAL_WRITTEN,
    /** {@code shared/machines/<id>/} and {@code local/} exist. */
    DIRECTORIES_CREATED,
    /** One of the three v1 logs copied verbatim into the machine directory (once per existing log). */
    LOG_COPIED,
    /** {@code agents.jsonl} split into {@code agent-state.jsonl} and {@code local/runtime.jsonl}. */
    AGENTS_SPLIT,
    /** Descriptors appended for the message authors that had none. */
    DESCRIPTORS_APPENDED,
    /** {@code local/machine-id} written. */
    MACHINE_ID_WRITTEN,
    /** Every directory that gained a name is fsynced: everything before the commit point is durable. */
    DIRECTORIES_SYNCED,
    /** {@code shared/.v2} is durable: the commit point. */
    SENTINEL_WRITTEN,
    /** One legacy log renamed to {@code *.v1-migrated} (once per existing log). */
    LEGACY_LOG_RENAMED,
    /** {@code storage_version: 2} set in {@code fray-config.json}. */
    CONFIG_UPDATED,
    /** {@code .fray/.gitignore} keeps {@code local/} and the cache out of version control. */
    GITIGNORE_ENSURED,
    /** The journal is removed: the migration is complete. */
    JOURNAL_REMOVED;

    /** True for the boundaries after the commit point, where a crash is finished by resuming, not undone. */
    boolean isCommitted() {
        return compareTo(SENTINEL_WRITTEN) >= 0;
    }
}
