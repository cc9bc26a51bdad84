package dev.fray.sdk.migrate;

import dev.fray.sdk.identity.MachineIds;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes a migration attempt that stopped before its commit point, leaving the v1 channel as it was: removes the
 * files migration writes (and the temp files of its atomic writes) and the directories the journal says the attempt
 * created, if they are then empty. Anything else is left alone; a machine directory holding files migration does
 * not write makes it refuse instead, because that directory would have to go for the migration to be re-run.
 */
final class InterruptedAttemptUndo {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedAttemptUndo.class);

    private InterruptedAttemptUndo() {
    }

    static void undo(ChannelPaths paths, MigrationJournal journal) throws IOException {
        if (!MachineIds.isValid(journal.machineId())) {
            throw new MigrationRefusedException(paths.migrationJournal() + ": machine id \"" + journal.machineId()
                    + "\" is not a valid machine id, so the journal cannot be trusted to say what to remove. "
                    + "Inspect shared/ and local/, remove what the interrupted migration created, then delete "
                    + paths.migrationJournal() + ".");
        }
        Path machineDir = paths.machineDir(journal.machineId());
        if (Files.isDirectory(machineDir)) {
            Set<String> owned = Set.copyOf(LogFile.SHARED_V2.stream().map(LogFile::fileName).toList());
            List<Path> foreign = new ArrayList<>();
            List<Path> ours = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(machineDir)) {
                for (Path entry : entries) {
                    (isOwned(entry.getFileName().toString(), owned) && Files.isRegularFile(entry) ? ours : foreign)
                            .add(entry);
                }
            }
            if (!foreign.isEmpty()) {
                throw new MigrationRefusedException("an interrupted migration to machine id \"" + journal.machineId()
                        + "\" must be undone, but " + machineDir + " holds files migration does not write: "
                        + foreign + ". Move them out of that directory and run the migration again.");
            }
            for (Path file : ours) {
                Files.delete(file);
            }
            Files.delete(machineDir);
            DurableFiles.fsyncDirectory(paths.machinesDir());
        }
        Path localDir = paths.localDir();
        if (Files.isDirectory(localDir)) {
            Set<String> owned = Set.of(ChannelPaths.MACHINE_ID_FILE, LogFile.RUNTIME.fileName());
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(localDir)) {
                for (Path entry : entries) {
                    if (isOwned(entry.getFileName().toString(), owned) && Files.isRegularFile(entry)) {
                        Files.delete(entry);
                    }
                }
            }
            DurableFiles.fsyncDirectory(localDir);
        }
        if (journal.createdLocalDir()) {
            removeIfEmpty(localDir, paths.frayDir());
        }
        if (journal.createdMachinesDir()) {
            removeIfEmpty(paths.machinesDir(), paths.sharedDir());
        }
        if (journal.createdSharedDir()) {
            removeIfEmpty(paths.sharedDir(), paths.frayDir());
        }
        MigrationJournal.remove(paths);
    }

    /** One of {@code owned}, or the temp sibling {@code .<name>.<nonce>.tmp} of an atomic write of one. */
    private static boolean isOwned(String name, Set<String> owned) {
        if (owned.contains(name)) {
            return true;
        }
        for (String o : owned) {
            if (name.startsWith("." + o + ".") && name.endsWith(".tmp")) {
                return true;
            }
        }
        return false;
    }

    private static void removeIfEmpty(Path dir, Path parent) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                LOG.info("keeping {}: the interrupted migration created it, but it now holds files it did not write",
                        dir);
                return;
            }
        }
        Files.delete(dir);
        DurableFiles.fsyncDirectory(parent);
    }
}
