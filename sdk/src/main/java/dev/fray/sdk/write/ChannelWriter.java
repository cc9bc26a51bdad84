package dev.fray.sdk.write;

import dev.fray.sdk.identity.CounterSession;
import dev.fray.sdk.identity.MachineIdFile;
import dev.fray.sdk.identity.MachineIdentity;
import dev.fray.sdk.identity.SequenceCounter;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.FrayConfig;
import dev.fray.sdk.layout.StorageVersions;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.sdk.storage.DirectoryAppendSession;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import dev.fray.spi.LogAddress;
import dev.fray.spi.StorageBackend;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Appends records to a channel the way fray does, so fray can read all of it.
 *
 * <p>In a v2 channel every record gets this machine's {@code origin}, a fresh {@code seq} and an ordering timestamp
 * ({@link RecordStamper}); message mentions and fork-session keys are scoped to machines ({@link MessageMentions});
 * records go to this machine's shared logs or to {@code local/runtime.jsonl} ({@link WriteRouting}). Each call is one
 * durable append per log: one write of all its records under the log's {@code flock}, then {@code fsync}. In a v1
 * channel records are written as fray v1 writes them, to the legacy logs at the channel root; a v2 channel never
 * writes a legacy log.
 *
 * <p><b>A writer is a session</b>: keep one open while appending and {@link #close()} it when done. With the
 * directory backend it holds its files open between appends: the logs it wrote, {@code local/machine-id} and the
 * machine's integrity ledger and directory lock ({@link CounterSession}, {@link DirectoryAppendSession}). Each append
 * takes and releases the very {@code flock}s fray takes, on those open descriptors, so exclusion against fray and
 * other writers, and durability, are those of an open-per-append writer; a file removed or replaced underneath is
 * noticed under its lock and reopened. Where held files are not supported (no {@code flock(2)}), or with another
 * backend, each append opens and closes what it needs. A writer dropped without {@code close()} releases its
 * descriptors once the garbage collector finds it unreachable; do not count on it.
 *
 * <p>Thread-safe: appends through one writer are serialised (a {@code flock} cannot exclude threads sharing a
 * descriptor), so every record is a whole line and a writer's numbers increase in the order its lines land.
 */
public final class ChannelWriter implements AutoCloseable {

    private final ChannelPaths paths;
    private final StorageVersion version;
    private final StorageBackend backend;
    private final String machineId;
    private final Map<String, String> machineAliases;
    private final Clock clock;
    private final DescriptorTracker descriptors;
    /** Held {@code local/machine-id}; null in a v1 channel or without held-file support. */
    private final CounterSession counter;
    /** Held logs and ledgers; null when appends go through {@link #backend} one by one. */
    private final DirectoryAppendSession logs;
    private final Object appendLock = new Object();
    /** One address object per log, reused for every append (guarded by appendLock). */
    private final Map<LogFile, LogAddress> addresses = new EnumMap<>(LogFile.class);
    private boolean closed;
    private final Cleaner.Cleanable release;

    private ChannelWriter(ChannelPaths paths, StorageVersion version, StorageBackend backend, String machineId,
            Map<String, String> machineAliases, Clock clock) {
        this.paths = paths;
        this.version = version;
        this.backend = backend;
        this.machineId = machineId;
        this.machineAliases = machineAliases;
        this.clock = clock;
        this.descriptors = new DescriptorTracker(paths, machineId);
        boolean held = DirectoryAppendSession.isSupported();
        this.counter = held && version.isMultiMachine() ? CounterSession.open(paths) : null;
        // Only the plain directory backend: a subclass may do something else in append().
        this.logs = held && backend.getClass() == DirectoryStorageBackend.class
                ? ((DirectoryStorageBackend) backend).openAppendSession() : null;
        this.release = CLEANER.register(this, new Release(counter, logs));
    }

    /** A writer for the channel at {@code paths}, using the system clock and the directory backend. */
    public static ChannelWriter open(ChannelPaths paths) throws IOException {
        return open(paths, new DirectoryStorageBackend(paths), Clock.systemUTC());
    }

    /**
     * A writer with an explicit backend and clock (the writer does not close the backend). Fails with a clear message for a channel that mixes layouts, and
     * for a v2 channel this machine has not joined yet.
     */
    public static ChannelWriter open(ChannelPaths paths, StorageBackend backend, Clock clock) throws IOException {
        StorageVersion version = StorageVersions.detectForOpen(paths);
        String machine = null;
        if (version.isMultiMachine()) {
            machine = MachineIdFile.read(paths).map(MachineIdentity::id).orElseThrow(() -> new IOException(
                    "local machine id not set: " + paths.machineIdFile() + " is missing; join this channel as a "
                            + "machine first (MachineInit.init)"));
        }
        Map<String, String> aliases = FrayConfig.read(paths).machineAliases();
        return new ChannelWriter(paths, version, backend, machine, Map.copyOf(aliases), clock);
    }

    public StorageVersion storageVersion() {
        return version;
    }

    /** This machine's id; {@code null} in a v1 channel. */
    public String machineId() {
        return machineId;
    }

    public Clock clock() {
        return clock;
    }

    /** Appends one record durably and returns it as written (stamped, mentions scoped). */
    public FrayRecord append(FrayRecord record) throws IOException {
        return appendAll(List.of(record)).get(0);
    }

    /**
     * Appends records in order with one durable write per log they go to (one {@code fsync} per log, not per record):
     * the batch API for importers. Records of one log keep their relative order. Returns the records as written.
     */
    public List<FrayRecord> appendAll(List<? extends FrayRecord> records) throws IOException {
        if (records.isEmpty()) {
            return List.of();
        }
        synchronized (appendLock) {
            if (closed) {
                throw new IllegalStateException("this ChannelWriter is closed");
            }
            return appendAllLocked(records);
        }
    }

    private List<FrayRecord> appendAllLocked(List<? extends FrayRecord> records) throws IOException {
        List<FrayRecord> prepared = new ArrayList<>(records.size());
        if (version.isMultiMachine()) {
            long firstSeq = counter != null ? counter.reserve(records.size())
                    : SequenceCounter.reserve(paths, records.size());
            long now = clock.millis();
            for (int i = 0; i < records.size(); i++) {
                FrayRecord r = records.get(i);
                if (r instanceof Message m) {
                    r = MessageMentions.scope(m, machineId, machineAliases);
                }
                prepared.add(RecordStamper.stamp(r, machineId, firstSeq + i, now));
            }
        } else {
            prepared.addAll(records);
        }
        // Grouped by the log's file (an enum), in the order the logs first appear: no LogAddress per record.
        Map<LogFile, StringBuilder> perLog = new EnumMap<>(LogFile.class);
        List<RecordType> firstOfLog = new ArrayList<>(2);
        for (FrayRecord r : prepared) {
            RecordType type = requireKnownType(r);
            StringBuilder lines = perLog.get(type.fileFor(version));
            if (lines == null) {
                lines = new StringBuilder(384 * records.size());
                perLog.put(type.fileFor(version), lines);
                firstOfLog.add(type);
            }
            RecordCodec.appendLine(r, lines);
        }
        for (RecordType type : firstOfLog) {
            LogAddress log = addresses.computeIfAbsent(type.fileFor(version),
                    f -> WriteRouting.addressFor(type, version, machineId));
            ByteBuffer bytes = ByteBuffer.wrap(perLog.get(type.fileFor(version)).toString()
                    .getBytes(StandardCharsets.UTF_8));
            if (logs != null) {
                logs.append(log, bytes);
            } else {
                backend.append(log, bytes);
            }
        }
        return prepared;
    }

    /**
     * Releases the files this writer holds open. Appending afterwards fails; closing again does nothing. Waits for an
     * append in progress.
     */
    @Override
    public void close() {
        synchronized (appendLock) {
            if (closed) {
                return;
            }
            closed = true;
            release.clean();
        }
    }

    /** Closes a writer's held files when it is closed, or when it becomes unreachable without having been closed. */
    private record Release(CounterSession counter, DirectoryAppendSession logs) implements Runnable {
        @Override
        public void run() {
            if (counter != null) {
                counter.close();
            }
            if (logs != null) {
                logs.close();
            }
        }
    }

    /** A writer dropped without close() must not leak its descriptors (they are plain ints, no finalizer has them). */
    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * Posts a message as fray does: in v2, first makes sure this machine has an {@code agent_descriptor} for the
     * author (fray's {@code ensureAgentDescriptor}), then appends the message.
     */
    public Message post(Message message) throws IOException {
        if (version.isMultiMachine() && descriptors.needsDescriptor(message.fromAgent())) {
            append(descriptors.descriptorFor(message.fromAgent(), message.ts()));
            descriptors.recorded(message.fromAgent());
        }
        return (Message) append(message);
    }

    private static RecordType requireKnownType(FrayRecord r) {
        RecordType type = r.type();
        if (type == null) {
            throw new IllegalArgumentException("cannot route a record of unknown type '" + r.typeName()
                    + "': fray-jvm only writes the record types fray defines");
        }
        return type;
    }
}
