package dev.fray.sdk.fold;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.read.LineScanner;
import dev.fray.sdk.read.SourceFile;
import dev.fray.sdk.storage.DirectoryStorageBackend;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event index of a full rebuild, kept on disk in {@code .fray/local/} so a later rebuild can re-fold only the
 * entities that new lines touch ({@link CatchUp}). Two files:
 * <ul>
 *   <li><b>base</b> ({@link ChannelPaths#eventIndex()}), written once per full rebuild and memory-mapped when read:
 *       an entity table (family, key, first event, event count) with an open-addressing hash table over it, the
 *       keys, and every valid event's merge key and file position (49 bytes), grouped by entity in merge order;</li>
 *   <li><b>state</b> ({@link ChannelPaths#eventIndexState()}), small and rewritten by every build and catch-up: how far
 *       each log was read (offset, line counts, a fingerprint of the bytes before that offset), the cross-entity facts
 *       (synthetic agents' inputs, GUID collisions) and the events read since the base.</li>
 * </ul>
 * Both carry tokens; the cache records the state's token in the same transaction as its rows, so a crash between the
 * two writes is detected (and answered with a full rebuild), never trusted.
 */
final class PersistedIndex {

    static final long BASE_MAGIC = 0x4652415949445831L; // "FRAYIDX1"
    static final long STATE_MAGIC = 0x4652415953545431L; // "FRAYSTT1"
    static final int EVENT_BYTES = 49;
    static final int ENTITY_BYTES = 17;
    private static final int FINGERPRINT_BYTES = 4096;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private PersistedIndex() {
    }

    /** One event as stored: everything pass 2 needs to re-read and order it. */
    record StoredEvent(int type, long ts, int rank, long seq, int lineIndex, int fileId, long offset, int length,
            long lineNumber) {

        void addTo(EventIndex index, int entity) {
            index.add(type, entity, ts, rank, seq, lineIndex, fileId, offset, length, lineNumber, true);
        }

        static StoredEvent of(EventIndex index, int ev) {
            return new StoredEvent(index.type(ev), index.ts(ev), index.machineRank(ev), index.seq(ev),
                    index.lineIndex(ev), index.fileId(ev), index.offset(ev), index.length(ev), index.lineNumber(ev));
        }
    }

    /** How far one log was read. {@code source} names it ({@code machine/file}, or {@code /file}). */
    record Progress(String source, long resumeOffset, long lines, int nonBlankLines, byte[] fingerprint) {
    }

    /** The small, rewritten part. Delta events are keyed by family ordinal char + entity key. */
    static final class State {
        long token;
        long baseToken;
        List<Progress> sources = new ArrayList<>();
        SyntheticAgents agents = new SyntheticAgents();
        Map<String, GuidCollision> collisions = new TreeMap<>();
        Map<String, List<StoredEvent>> delta = new HashMap<>();
        int deltaEvents;
    }

    static String sourceName(SourceFile source) {
        String machine = source.address().machine();
        return (machine == null ? "" : machine) + "/" + source.address().file();
    }

    static String collisionKey(String type, String guid) {
        return type + '\0' + guid;
    }

    /** SHA-256 of the offset and the (up to) 4 KiB before it: a cheap check that a log's read prefix is unchanged. */
    static byte[] fingerprint(FileChannel ch, long offset) throws IOException {
        int n = (int) Math.min(FINGERPRINT_BYTES, offset);
        ByteBuffer buf = ByteBuffer.allocate(Long.BYTES + n);
        buf.putLong(offset);
        long pos = offset - n;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new IOException("log shorter than " + offset + " bytes");
            }
            pos += r;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(buf.array());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Progress progress(DirectoryStorageBackend backend, SourceFile source, LineScanner.Result scan)
            throws IOException {
        if (scan == null) {
            return new Progress(sourceName(source), 0, 0, 0, new byte[0]);
        }
        try (FileChannel ch = FileChannel.open(backend.pathOf(source.address()), StandardOpenOption.READ)) {
            return new Progress(sourceName(source), scan.resumeOffset(), scan.resumeLines(), scan.nonBlankLines(),
                    fingerprint(ch, scan.resumeOffset()));
        }
    }

    // ---- full rebuild ---------------------------------------------------------------------------------------

    static void writeFull(DirectoryStorageBackend backend, dev.fray.sdk.model.StorageVersion version,
            ChannelFold.Pass1 p, long token) throws IOException {
        ChannelPaths paths = backend.paths();
        EventIndex index = p.index();
        EntityTable entities = p.entities();
        int[] order = p.order();
        int entityCount = entities.size();
        int[] start = new int[entityCount];
        int[] count = new int[entityCount];
        int kept = 0;
        for (int i = 0; i < order.length; i++) {
            int ev = order[i];
            if (p.rejected().get(ev)) {
                continue;
            }
            int e = index.entity(ev);
            if (count[e]++ == 0) {
                start[e] = kept;
            }
            kept++;
        }
        byte[][] keys = new byte[entityCount][];
        int blob = 0;
        for (int e = 0; e < entityCount; e++) {
            keys[e] = entities.key(e).getBytes(StandardCharsets.UTF_8);
            blob += keys[e].length;
        }
        int tableSize = Integer.highestOneBit(Math.max(16, entityCount * 2)) << 1;
        int[] table = new int[tableSize];
        for (int e = 0; e < entityCount; e++) {
            int h = hash(entities.family(e), entities.key(e)) & (tableSize - 1);
            while (table[h] != 0) {
                h = (h + 1) & (tableSize - 1);
            }
            table[h] = e + 1;
        }
        Path tmp = tmpFor(paths.eventIndex());
        Files.createDirectories(tmp.getParent());
        try (DataOutputStream out = new DataOutputStream(
                new UnsyncBufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
            out.writeLong(BASE_MAGIC);
            out.writeLong(token);
            out.writeInt(entityCount);
            out.writeInt(kept);
            out.writeInt(tableSize);
            out.writeInt(blob);
            int keyOff = 0;
            for (int e = 0; e < entityCount; e++) {
                out.writeByte(entities.family(e).ordinal());
                out.writeInt(keyOff);
                out.writeInt(keys[e].length);
                out.writeInt(start[e]);
                out.writeInt(count[e]);
                keyOff += keys[e].length;
            }
            for (int t : table) {
                out.writeInt(t);
            }
            for (byte[] k : keys) {
                out.write(k);
            }
            for (int ev : order) {
                if (!p.rejected().get(ev)) {
                    writeEvent(out, StoredEvent.of(index, ev));
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        publish(tmp, paths.eventIndex());

        State state = new State();
        state.token = token;
        state.baseToken = token;
        for (SourceFile source : p.listing().sources()) {
            state.sources.add(progress(backend, source, p.scans().get(source.id())));
        }
        state.agents = p.agents().copy();
        for (GuidCollision c : p.collisions()) {
            state.collisions.put(collisionKey(c.type(), c.guid()), c);
        }
        writeState(paths, state, paths.eventIndexState());
    }

    /**
     * A temp file next to {@code file}, unique to this write: two builds writing the index at once (another process,
     * or a write still running in the background) each write a whole file of their own and rename it into place, so
     * what is in place is always one build's complete file. (The tokens then tell whether base, state and cache
     * belong together.)
     */
    private static Path tmpFor(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong()));
    }

    private static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    static int hash(Family family, String key) {
        int h = key.hashCode() * 31 + family.ordinal();
        return h ^ (h >>> 16);
    }

    private static void writeEvent(DataOutputStream out, StoredEvent e) throws IOException {
        out.writeByte(e.type());
        out.writeLong(e.ts());
        out.writeInt(e.rank());
        out.writeLong(e.seq());
        out.writeInt(e.lineIndex());
        out.writeInt(e.fileId());
        out.writeLong(e.offset());
        out.writeInt(e.length());
        out.writeLong(e.lineNumber());
    }

    private static StoredEvent readEvent(DataInputStream in) throws IOException {
        return new StoredEvent(in.readUnsignedByte(), in.readLong(), in.readInt(), in.readLong(), in.readInt(),
                in.readInt(), in.readLong(), in.readInt(), in.readLong());
    }

    // ---- state ----------------------------------------------------------------------------------------------

    /** Writes the state to {@code file} (a temp name, or the real one). */
    static void writeState(ChannelPaths paths, State s, Path file) throws IOException {
        Path tmp = tmpFor(file);
        try (DataOutputStream out = new DataOutputStream(
                new UnsyncBufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeLong(STATE_MAGIC);
            out.writeLong(s.token);
            out.writeLong(s.baseToken);
            out.writeInt(s.sources.size());
            for (Progress p : s.sources) {
                out.writeUTF(p.source());
                out.writeLong(p.resumeOffset());
                out.writeLong(p.lines());
                out.writeInt(p.nonBlankLines());
                out.writeInt(p.fingerprint().length);
                out.write(p.fingerprint());
            }
            out.writeInt(s.agents.authors.size());
            for (Map.Entry<String, long[]> a : s.agents.authors.entrySet()) {
                out.writeUTF(a.getKey());
                for (long v : a.getValue()) {
                    out.writeLong(v);
                }
            }
            out.writeInt(s.agents.descriptors.size());
            for (Map.Entry<String, Long> d : s.agents.descriptors.entrySet()) {
                out.writeUTF(d.getKey());
                out.writeLong(d.getValue());
            }
            out.writeInt(s.agents.runtime.size());
            for (String r : s.agents.runtime) {
                out.writeUTF(r);
            }
            out.writeInt(s.collisions.size());
            for (GuidCollision c : s.collisions.values()) {
                out.writeUTF(c.type());
                out.writeUTF(c.guid());
                out.writeInt(c.entries().size());
                for (GuidCollision.Entry e : c.entries()) {
                    out.writeUTF(e.machine());
                    out.writeLong(e.ts());
                    out.writeUTF(e.preview());
                }
            }
            out.writeInt(s.delta.size());
            for (Map.Entry<String, List<StoredEvent>> d : s.delta.entrySet()) {
                out.writeUTF(d.getKey());
                out.writeInt(d.getValue().size());
                for (StoredEvent e : d.getValue()) {
                    writeEvent(out, e);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        publish(tmp, file);
    }

    /** The state, or {@code null} if it is missing or unreadable. */
    static State readState(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != STATE_MAGIC) {
                return null;
            }
            State s = new State();
            s.token = in.readLong();
            s.baseToken = in.readLong();
            for (int i = in.readInt(); i > 0; i--) {
                String name = in.readUTF();
                long resume = in.readLong();
                long lines = in.readLong();
                int nonBlank = in.readInt();
                byte[] fp = new byte[in.readInt()];
                in.readFully(fp);
                s.sources.add(new Progress(name, resume, lines, nonBlank, fp));
            }
            for (int i = in.readInt(); i > 0; i--) {
                String id = in.readUTF();
                long[] r = new long[5];
                for (int j = 0; j < 5; j++) {
                    r[j] = in.readLong();
                }
                s.agents.authors.put(id, r);
            }
            for (int i = in.readInt(); i > 0; i--) {
                s.agents.descriptors.put(in.readUTF(), in.readLong());
            }
            for (int i = in.readInt(); i > 0; i--) {
                s.agents.runtime.add(in.readUTF());
            }
            for (int i = in.readInt(); i > 0; i--) {
                String type = in.readUTF();
                String guid = in.readUTF();
                List<GuidCollision.Entry> entries = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) {
                    entries.add(new GuidCollision.Entry(in.readUTF(), in.readLong(), in.readUTF()));
                }
                s.collisions.put(collisionKey(type, guid), new GuidCollision(type, guid, List.copyOf(entries)));
            }
            for (int i = in.readInt(); i > 0; i--) {
                String key = in.readUTF();
                List<StoredEvent> events = new ArrayList<>();
                for (int j = in.readInt(); j > 0; j--) {
                    events.add(readEvent(in));
                }
                s.delta.put(key, events);
                s.deltaEvents += events.size();
            }
            return s;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---- base, read side ------------------------------------------------------------------------------------

    /** The memory-mapped base of the last full rebuild. */
    static final class Base {
        final long token;
        final int entityCount;
        final int eventCount;
        private final MappedByteBuffer map;
        private final int tableSize;
        private final int entitiesAt;
        private final int tableAt;
        private final int keysAt;
        private final int eventsAt;

        private Base(MappedByteBuffer map) {
            this.map = map;
            if (map.getLong(0) != BASE_MAGIC) {
                throw new IllegalStateException("not an event index");
            }
            token = map.getLong(8);
            entityCount = map.getInt(16);
            eventCount = map.getInt(20);
            tableSize = map.getInt(24);
            int blob = map.getInt(28);
            entitiesAt = 32;
            tableAt = entitiesAt + entityCount * ENTITY_BYTES;
            keysAt = tableAt + tableSize * 4;
            eventsAt = keysAt + blob;
            if ((long) eventsAt + (long) eventCount * EVENT_BYTES != map.capacity()) {
                throw new IllegalStateException("event index has the wrong size");
            }
        }

        /** The base, or {@code null} if it is missing, unreadable or too large to map. */
        static Base open(Path file) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() > Integer.MAX_VALUE) {
                    return null;
                }
                return new Base(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * The stored events of an entity, in merge order; empty if the entity is not in the base. For a
         * {@linkplain Family#lastEventWins() last-event-wins} family only the events from the last one that
         * {@linkplain LastEventFold#alwaysTakesEffect always takes effect} on: nothing before it can decide the row
         * (stored events all decoded in the build that stored them), and a cursor in a busy room has thousands.
         */
        List<StoredEvent> events(Family family, String key) {
            byte[] want = key.getBytes(StandardCharsets.UTF_8);
            int h = hash(family, key) & (tableSize - 1);
            while (true) {
                int slot = map.getInt(tableAt + h * 4);
                if (slot == 0) {
                    return List.of();
                }
                int at = entitiesAt + (slot - 1) * ENTITY_BYTES;
                if (map.get(at) == family.ordinal() && map.getInt(at + 5) == want.length) {
                    byte[] k = new byte[want.length];
                    map.get(keysAt + map.getInt(at + 1), k);
                    if (Arrays.equals(k, want)) {
                        int first = map.getInt(at + 9);
                        int n = map.getInt(at + 13);
                        if (family.lastEventWins()) {
                            int winner = first + n - 1;
                            while (winner > first && !LastEventFold.alwaysTakesEffect(typeOf(winner))) {
                                winner--;
                            }
                            n -= winner - first;
                            first = winner;
                        }
                        List<StoredEvent> out = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            out.add(event(first + i));
                        }
                        return out;
                    }
                }
                h = (h + 1) & (tableSize - 1);
            }
        }

        private int typeOf(int i) {
            return map.get(eventsAt + i * EVENT_BYTES) & 0xff;
        }

        private StoredEvent event(int i) {
            int at = eventsAt + i * EVENT_BYTES;
            return new StoredEvent(map.get(at) & 0xff, map.getLong(at + 1), map.getInt(at + 9), map.getLong(at + 13),
                    map.getInt(at + 21), map.getInt(at + 25), map.getLong(at + 29), map.getInt(at + 37),
                    map.getLong(at + 41));
        }
    }
}
