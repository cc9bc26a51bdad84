package dev.fray.sdk.migrate;

import dev.fray.sdk.identity.MachineExistsException;
import dev.fray.sdk.identity.MachineIdFile;
import dev.fray.sdk.identity.MachineIdentity;
import dev.fray.sdk.identity.MachineIds;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.io.Flock;
import dev.fray.sdk.io.FlockHandle;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.FrayConfig;
import dev.fray.sdk.layout.GitIgnoreFile;
import dev.fray.sdk.layout.StorageVersions;
import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.StorageVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Migrates a v1 channel to the v2 multi-machine layout the way {@code fray migrate --multi-machine} does
 * (reference §9.2), producing the files fray produces, and safe to interrupt at any point.
 *
 * <p>Steps: guard; create {@code shared/machines/<id>/} and {@code local/}; copy {@code messages.jsonl},
 * {@code threads.jsonl}, {@code questions.jsonl} byte for byte; split {@code agents.jsonl} into
 * {@code agent-state.jsonl} and {@code local/runtime.jsonl} (lines verbatim, see {@link AgentsLogSplit}); append an
 * {@code agent_descriptor} for every message author without one; write {@code local/machine-id}; fsync; write the
 * {@code shared/.v2} sentinel, <b>the commit point</b>; rename the four v1 logs to {@code *.jsonl.v1-migrated}; set
 * {@code storage_version: 2}; make sure {@code .gitignore} covers {@code local/}. Message pins stay in the copied
 * {@code messages.jsonl}, as with fray (§3.5.4). fray's final cache rebuild is left to whoever opens the channel.
 *
 * <p>Interruption: a journal ({@link ChannelPaths#migrationJournal()}) is written before anything else and removed
 * after the last step. A failure before the commit point undoes the attempt at once; after a crash there, the next
 * {@link #migrate} undoes it first (only what migration creates; see {@link InterruptedAttemptUndo}). After the
 * commit point every remaining step is idempotent: {@link #resume}, or {@link #migrate} again, finishes them.
 * Migrations of one channel are serialised by a {@code flock} on its {@code .fray/} directory.
 *
 * <p>Differences from fray, all on the safe side: every file is fsynced before the sentinel; descriptors get a
 * {@code seq} from the new machine's counter ({@code local/machine-id} then holds the last one) and an
 * {@code origin}; machine ids are validated ({@link MachineIds}); blank {@code agents.jsonl} lines are dropped and
 * an unterminated last one is kept (terminated).
 */
public final class V1ToV2Migration {

    private final ChannelPaths paths;
    private final StepListener listener;
    private final Clock clock;

    V1ToV2Migration(ChannelPaths paths, StepListener listener, Clock clock) {
        this.paths = paths;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Migrates the v1 channel at {@code paths} to v2, this checkout becoming machine {@code machineId}. Also
     * recovers from an interrupted earlier attempt: one that crashed before its commit point is undone first, one
     * that crashed after it is finished (then {@code machineId} is ignored and the result says {@code resumed}).
     *
     * @throws AlreadyMigratedException      the channel is already migrated (see {@link #resume} if its v1 logs
     *                                       are still at the root)
     * @throws MigrationRefusedException     the channel is not a v1 channel migration can start from (the message
     *                                       says why); nothing was changed
     * @throws MachineExistsException        {@code shared/machines/} already has that id
     * @throws dev.fray.sdk.identity.InvalidMachineIdException {@code machineId} is not a valid machine id
     * @throws MigrationIncompleteException  a step after the commit point failed; {@link #resume} finishes it
     * @throws IOException                   a step before the commit point failed; the channel is as it was
     */
    public static MigrationResult migrate(ChannelPaths paths, String machineId) throws IOException {
        return new V1ToV2Migration(paths, StepListener.NONE, Clock.systemUTC()).migrate(machineId);
    }

    /**
     * Finishes a migration that passed its commit point ({@code shared/.v2} exists): renames the v1 logs still at
     * the root, sets {@code storage_version: 2}, completes {@code .gitignore}. Idempotent; does nothing on a
     * channel that is fully migrated. Also finishes one interrupted by fray itself, which leaves this to the user.
     *
     * @throws MigrationRefusedException the channel has no sentinel (nothing committed to finish), or a v1 log and
     *                                   its {@code *.v1-migrated} name both exist (nothing is overwritten)
     */
    public static MigrationResult resume(ChannelPaths paths) throws IOException {
        return new V1ToV2Migration(paths, StepListener.NONE, Clock.systemUTC()).resume();
    }

    MigrationResult migrate(String machineId) throws IOException {
        try (FlockHandle ignored = lockChannel()) {
            boolean undid = false;
            Optional<MigrationJournal> interrupted = MigrationJournal.read(paths);
            if (interrupted.isPresent()) {
                if (Files.exists(paths.v2Sentinel())) {
                    return finishCommitted(interrupted.get().machineId(), emptyResult(interrupted.get().machineId()));
                }
                InterruptedAttemptUndo.undo(paths, interrupted.get());
                undid = true;
            }
            guard(machineId);
            MigrationJournal journal = MigrationJournal.begin(paths, machineId);
            MigrationResult prepared;
            try {
                journal.write(paths);
                listener.after(MigrationStep.JOURNAL_WRITTEN, "");
                prepared = prepare(machineId, undid);
                DurableFiles.createAtomically(paths.v2Sentinel(), new byte[0]);
            } catch (IOException | RuntimeException e) {
                // An Error (the process is in trouble, or a test simulating a crash) skips this: the next run
                // undoes the attempt from the journal, as after a real crash.
                try {
                    InterruptedAttemptUndo.undo(paths, journal);
                } catch (IOException | RuntimeException undoFailure) {
                    e.addSuppressed(undoFailure);
                }
                throw e;
            }
            try {
                listener.after(MigrationStep.SENTINEL_WRITTEN, "");
            } catch (IOException | RuntimeException e) {
                throw incomplete(machineId, e);
            }
            return finishCommitted(machineId, prepared);
        }
    }

    MigrationResult resume() throws IOException {
        try (FlockHandle ignored = lockChannel()) {
            Optional<MigrationJournal> journal = MigrationJournal.read(paths);
            if (!Files.exists(paths.v2Sentinel())) {
                throw new MigrationRefusedException("nothing to resume in " + paths.frayDir() + ": there is no "
                        + paths.v2Sentinel() + ", so no migration passed its commit point"
                        + (journal.isPresent() ? "; run the migration again, which first undoes the interrupted "
                        + "attempt" : ""));
            }
            String machineId = journal.isPresent() ? journal.get().machineId()
                    : MachineIdFile.read(paths).map(MachineIdentity::id).orElse(null);
            return finishCommitted(machineId, emptyResult(machineId));
        }
    }

    private FlockHandle lockChannel() throws IOException {
        if (!Files.isDirectory(paths.frayDir())) {
            throw new MigrationRefusedException("no channel to migrate: " + paths.frayDir() + " is not a directory");
        }
        return Flock.tryExclusive(paths.frayDir()).orElseThrow(() -> new MigrationRefusedException(
                "another migration of " + paths.frayDir() + " is running; wait for it to finish"));
    }

    /** fray's guard plus what fray-jvm needs to be able to undo an attempt exactly. Changes nothing. */
    private void guard(String machineId) throws IOException {
        if (Files.exists(paths.v2Sentinel())) {
            List<Path> legacy = existingLegacyLogs();
            throw new AlreadyMigratedException("already migrated: " + paths.v2Sentinel() + " exists"
                    + (legacy.isEmpty() ? "" : "; the v1 logs " + legacy + " are still there, run resume to finish"
                    + " the migration"));
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.frayDir(),
                p -> p.getFileName().toString().endsWith(ChannelPaths.MIGRATED_SUFFIX))) {
            for (Path migrated : entries) {
                throw new AlreadyMigratedException("already migrated: " + migrated + " exists (the v1 logs were "
                        + "renamed by an earlier migration)");
            }
        }
        FrayConfig.read(paths); // unreadable config: fail now, not after the commit point
        if (StorageVersions.detect(paths) != StorageVersion.V1) {
            throw new MigrationRefusedException("not a v1 channel: " + paths.config() + " sets storage_version 2 "
                    + "but " + paths.v2Sentinel() + " does not exist; fix the config or run fray's join flow");
        }
        MachineIds.validate(machineId);
        Path taken = MachineInit.existingMachineDir(paths, machineId);
        if (taken != null) {
            throw new MachineExistsException(machineId, taken);
        }
        if (Files.isDirectory(paths.machinesDir())) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.machinesDir())) {
                if (entries.iterator().hasNext()) {
                    throw new MigrationRefusedException(paths.machinesDir() + " already holds machine data but "
                            + paths.v2Sentinel() + " does not exist: probably a migration interrupted outside "
                            + "fray-jvm (fray leaves this for manual clean-up). Check that the v1 logs at "
                            + paths.frayDir() + " are complete, move " + paths.sharedDir() + " away, and migrate "
                            + "again.");
                }
            }
        }
        for (Path own : List.of(paths.machineIdFile(), paths.runtimeLog())) {
            if (Files.exists(own, LinkOption.NOFOLLOW_LINKS)) {
                throw new MigrationRefusedException(own + " already exists in a v1 channel (migration writes it "
                        + "and will not overwrite it): probably left by an interrupted migration or join outside "
                        + "fray-jvm. Move it away if it holds nothing you need, and migrate again.");
            }
        }
    }

    /** Everything before the commit point, ending with all of it durable. */
    private MigrationResult prepare(String machineId, boolean undid) throws IOException {
        Path machineDir = paths.machineDir(machineId);
        DurableFiles.createDirectoriesDurably(machineDir);
        DurableFiles.createDirectoriesDurably(paths.localDir());
        listener.after(MigrationStep.DIRECTORIES_CREATED, "");

        List<String> copied = new ArrayList<>();
        for (LogFile log : List.of(LogFile.MESSAGES, LogFile.THREADS, LogFile.QUESTIONS)) {
            Path source = paths.rootLog(log);
            if (Files.exists(source)) {
                copyDurably(source, paths.machineLog(machineId, log));
                copied.add(log.fileName());
                listener.after(MigrationStep.LOG_COPIED, log.fileName());
            }
        }

        Path agents = paths.rootLog(LogFile.AGENTS);
        AgentsLogSplit split = AgentsLogSplit.of(Files.exists(agents) ? Files.readAllBytes(agents) : new byte[0]);
        Path agentState = paths.machineLog(machineId, LogFile.AGENT_STATE);
        writeLines(agentState, split.agentState());
        writeLines(paths.runtimeLog(), split.runtime());
        listener.after(MigrationStep.AGENTS_SPLIT, "");

        Path messages = paths.machineLog(machineId, LogFile.MESSAGES);
        Map<String, Long> authors = AuthorDescriptors.undescribedAuthors(
                Files.exists(messages) ? Files.readAllBytes(messages) : new byte[0], split.describedAgents());
        List<AgentDescriptor> descriptors = AuthorDescriptors.records(authors, machineId, 1);
        List<byte[]> descriptorLines = new ArrayList<>();
        for (AgentDescriptor d : descriptors) {
            descriptorLines.add(RecordCodec.encode(d));
        }
        writeLines(agentState, descriptorLines);
        listener.after(MigrationStep.DESCRIPTORS_APPENDED, "");

        // seq = the last number the descriptors used, so the machine's next record continues after them.
        MachineIdentity identity = new MachineIdentity(machineId, descriptors.size(), clock.instant().getEpochSecond());
        if (!MachineIdFile.createIfAbsent(paths, identity)) {
            throw new MigrationRefusedException(paths.machineIdFile() + " appeared during the migration");
        }
        listener.after(MigrationStep.MACHINE_ID_WRITTEN, "");

        for (Path dir : List.of(machineDir, paths.machinesDir(), paths.sharedDir(), paths.localDir(),
                paths.frayDir())) {
            DurableFiles.fsyncDirectory(dir);
        }
        listener.after(MigrationStep.DIRECTORIES_SYNCED, "");

        return new MigrationResult(machineId, copied, split.agentState().size(), split.runtime().size(),
                split.blankLines(), List.copyOf(authors.keySet()), List.of(), false, undid, false);
    }

    /** The steps after the commit point; each is idempotent, so this is also how an interrupted run resumes. */
    private MigrationResult finishCommitted(String machineId, MigrationResult sofar) throws IOException {
        try {
            List<String> renamed = new ArrayList<>();
            for (LogFile log : LogFile.LEGACY_V1) {
                Path legacy = paths.rootLog(log);
                if (!Files.exists(legacy, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Path target = paths.migratedLegacyLog(log);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new MigrationRefusedException("cannot rename " + legacy + " to " + target + ": both exist. "
                            + "Compare them (the migrated copy of the data is in " + paths.machinesDir() + "), keep "
                            + "one, and resume.");
                }
                Files.move(legacy, target, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.fsyncDirectory(paths.frayDir());
                renamed.add(log.fileName());
                listener.after(MigrationStep.LEGACY_LOG_RENAMED, log.fileName());
            }
            OptionalLong before = FrayConfig.read(paths).storageVersion();
            FrayConfig.update(paths, config -> config.withStorageVersion(2));
            boolean configUpdated = before.isEmpty() || before.getAsLong() != 2;
            listener.after(MigrationStep.CONFIG_UPDATED, "");
            GitIgnoreFile.ensure(paths);
            listener.after(MigrationStep.GITIGNORE_ENSURED, "");
            MigrationJournal.remove(paths);
            listener.after(MigrationStep.JOURNAL_REMOVED, "");
            return new MigrationResult(machineId, sofar.copiedLogs(), sofar.agentStateLines(), sofar.runtimeLines(),
                    sofar.blankLinesDropped(), sofar.descriptorsAdded(), renamed, configUpdated,
                    sofar.undidInterruptedAttempt(), sofar.resumed());
        } catch (MigrationRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw incomplete(machineId, e);
        }
    }

    private MigrationIncompleteException incomplete(String machineId, Exception cause) {
        return new MigrationIncompleteException("the migration of " + paths.frayDir() + " to machine \"" + machineId
                + "\" is committed (" + paths.v2Sentinel() + " exists) but not finished: " + cause.getMessage()
                + ". Nothing is lost; resume the migration (or run it again) to finish it.", cause);
    }

    private static MigrationResult emptyResult(String machineId) {
        return new MigrationResult(machineId, List.of(), 0, 0, 0, List.of(), List.of(), false, false, true);
    }

    private List<Path> existingLegacyLogs() {
        return paths.legacyLogs().stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /**
     * Copies {@code source} into the new file {@code target} byte for byte and fsyncs it. A new file rather than
     * {@link Files#copy}, which would carry over the source's permission bits (a read-only v1 log would yield a
     * machine log nobody can append to).
     */
    private static void copyDurably(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        }
    }

    /** Appends the lines to {@code file} (created if needed) and fsyncs it; nothing at all for no lines. */
    private static void writeLines(Path file, List<byte[]> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (byte[] line : lines) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
    }
}
