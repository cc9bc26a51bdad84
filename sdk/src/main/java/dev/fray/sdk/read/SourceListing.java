package dev.fray.sdk.read;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.LogAddress;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The logs a rebuild reads, in canonical order, never in file-system order (reference §1.2, §1.3, §3.2):
 * <ul>
 *   <li>v1: {@code .fray/messages.jsonl, threads.jsonl, questions.jsonl, agents.jsonl};</li>
 *   <li>v2: every subdirectory of {@code shared/machines/} sorted by UTF-8 bytes × the four shared logs, then
 *       {@code local/runtime.jsonl}.</li>
 * </ul>
 * Logs that do not exist are listed too (they read as empty). Sync-tool conflict copies found beside them are
 * collected for the report.
 */
public record SourceListing(List<SourceFile> sources, List<String> machines, List<Path> conflictCopies) {

    public static SourceListing of(DirectoryStorageBackend backend, StorageVersion version) throws IOException {
        ChannelPaths paths = backend.paths();
        List<SourceFile> sources = new ArrayList<>();
        List<Path> conflicts = new ArrayList<>(ConflictCopies.in(paths.frayDir()));
        List<String> machines = new ArrayList<>();
        if (!version.isMultiMachine()) {
            for (LogFile f : LogFile.LEGACY_V1) {
                sources.add(new SourceFile(sources.size(), LogAddress.unscoped(f.fileName()), f, 0));
            }
        } else {
            machines.addAll(backend.machines());
            machines.sort(Utf8Order::compare);
            for (int rank = 0; rank < machines.size(); rank++) {
                String machine = machines.get(rank);
                for (LogFile f : LogFile.SHARED_V2) {
                    sources.add(new SourceFile(sources.size(), LogAddress.shared(machine, f.fileName()), f, rank));
                }
                conflicts.addAll(ConflictCopies.in(paths.machineDir(machine)));
            }
            sources.add(new SourceFile(sources.size(), LogAddress.unscoped(LogFile.RUNTIME.fileName()),
                    LogFile.RUNTIME, 0));
            conflicts.addAll(ConflictCopies.in(paths.localDir()));
        }
        return new SourceListing(List.copyOf(sources), List.copyOf(machines), List.copyOf(conflicts));
    }
}
