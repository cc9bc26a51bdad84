package dev.fray.sdk.migrate;

import java.util.List;

/**
 * What a migration (or a resume) did.
 *
 * @param machineId               the id of this checkout's machine in the migrated channel
 * @param copiedLogs              file names of the v1 logs copied verbatim into {@code shared/machines/<id>/}
 * @param agentStateLines         lines of {@code agents.jsonl} moved to {@code agent-state.jsonl}
 * @param runtimeLines            lines of {@code agents.jsonl} moved to {@code local/runtime.jsonl}
 * @param blankLinesDropped       whitespace-only lines of {@code agents.jsonl} (no record; fray's readers skip them)
 * @param descriptorsAdded        agent ids that got a new {@code agent_descriptor}, in the order appended
 * @param renamedLegacyLogs       file names of the v1 logs renamed to {@code *.v1-migrated} by this call
 * @param configUpdated           true if this call set {@code storage_version: 2} (false if it already was)
 * @param undidInterruptedAttempt true if a crashed earlier attempt (before its commit point) was undone first
 * @param resumed                 true if this call only finished an attempt that had passed its commit point
 */
public record MigrationResult(
        String machineId,
        List<String> copiedLogs,
        int agentStateLines,
        int runtimeLines,
        int blankLinesDropped,
        List<String> descriptorsAdded,
        List<String> renamedLegacyLogs,
        boolean configUpdated,
        boolean undidInterruptedAttempt,
        boolean resumed) {

    public MigrationResult {
        copiedLogs = List.copyOf(copiedLogs);
        descriptorsAdded = List.copyOf(descriptorsAdded);
        renamedLegacyLogs = List.copyOf(renamedLegacyLogs);
    }
}
