package dev.fray.sdk.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a realistic v2 (multi-machine) channel from a seed: the same spec always gives the same bytes.
 *
 * <p>For benchmarks and tests. The record mix follows fray's real data (mostly messages, then reactions, edits,
 * subscriptions, cursors), machines' clocks are skewed against each other, and edits, reactions, moves, pins and
 * deletes target messages written by any machine. Units follow fray: message and thread times in seconds,
 * reactions, cursors, faves and roles in milliseconds.
 */
public final class SyntheticChannel {

    /** What to generate. {@code maxSkewSeconds} bounds each machine's clock offset. */
    public record Spec(long seed, int events, int machines, int agents, long startEpochSeconds, int maxSkewSeconds) {
        public static Spec of(long seed, int events, int machines) {
            return new Spec(seed, events, machines, 12, 1_767_225_600L, 90);
        }
    }

    /** What was written. */
    public record Summary(int events, Map<RecordType, Integer> perType, List<String> machines, long bytes) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Spec spec;
    private final Random random;
    private final List<String> agents = new ArrayList<>();
    private final List<String> messageIds = new ArrayList<>();
    private final List<String> threadIds = new ArrayList<>();
    private final List<String> questionIds = new ArrayList<>();
    private final Map<RecordType, Integer> perType = new EnumMap<>(RecordType.class);
    private final long[] clockOffset;
    private final long[] seq;
    private final String[] machineNames;
    private long now;

    private SyntheticChannel(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.clockOffset = new long[spec.machines()];
        this.seq = new long[spec.machines()];
        this.machineNames = new String[spec.machines()];
        this.now = spec.startEpochSeconds();
    }

    /** Writes a new channel under {@code projectRoot/.fray} (which must not exist yet). */
    public static Summary generate(Path projectRoot, Spec spec) throws IOException {
        return new SyntheticChannel(spec).write(ChannelPaths.ofProjectRoot(projectRoot));
    }

    /**
     * Appends {@code events} more events from the given machines to an existing generated channel, continuing its
     * timeline from {@code fromEpochSeconds} (old times model a machine that was offline). Deterministic per seed.
     */
    public static Summary appendEvents(Path projectRoot, Spec spec, List<String> machines, long fromEpochSeconds)
            throws IOException {
        SyntheticChannel gen = new SyntheticChannel(spec);
        gen.now = fromEpochSeconds;
        return gen.appendTo(ChannelPaths.ofProjectRoot(projectRoot), machines);
    }

    private Summary write(ChannelPaths paths) throws IOException {
        if (Files.exists(paths.frayDir())) {
            throw new IOException("refusing to generate into an existing channel: " + paths.frayDir());
        }
        Files.createDirectories(paths.machinesDir());
        Files.createDirectories(paths.localDir());
        Files.writeString(paths.config(), "{\n  \"version\": 1,\n  \"storage_version\": 2,\n"
                + "  \"channel_id\": \"ch-synth" + Long.toString(Math.abs(spec.seed()) % 1000, 36) + "\",\n"
                + "  \"channel_name\": \"synthetic\"\n}\n");
        Files.createFile(paths.v2Sentinel());
        List<String> names = new ArrayList<>();
        for (int m = 0; m < spec.machines(); m++) {
            names.add(String.format("machine-%02d", m));
        }
        Summary summary = appendTo(paths, names);
        writeRuntime(paths);
        return summary;
    }

    private Summary appendTo(ChannelPaths paths, List<String> machines) throws IOException {
        for (int a = 0; a < spec.agents(); a++) {
            agents.add(a == 0 ? "human" : "agent" + a);
        }
        for (int m = 0; m < machines.size() && m < machineNames.length; m++) {
            machineNames[m] = machines.get(m);
            clockOffset[m] = random.nextInt(2 * spec.maxSkewSeconds() + 1) - spec.maxSkewSeconds();
        }
        int machineCount = Math.min(machines.size(), machineNames.length);
        Map<String, Map<LogFile, JsonGenerator>> out = new java.util.HashMap<>();
        long bytes = 0;
        List<OutputStream> streams = new ArrayList<>();
        try {
            for (int m = 0; m < machineCount; m++) {
                Path dir = paths.machineDir(machineNames[m]);
                Files.createDirectories(dir);
                seq[m] = maxSeq(dir);
                Map<LogFile, JsonGenerator> files = new EnumMap<>(LogFile.class);
                for (LogFile f : LogFile.SHARED_V2) {
                    OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve(f.fileName()),
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), 1 << 16);
                    streams.add(os);
                    JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8);
                    g.setRootValueSeparator(null);
                    files.put(f, g);
                }
                out.put(machineNames[m], files);
            }
            for (int i = 0; i < spec.events(); i++) {
                now += 1 + random.nextInt(20);
                int m = random.nextInt(machineCount);
                emit(out.get(machineNames[m]), m);
            }
            for (Map<LogFile, JsonGenerator> files : out.values()) {
                for (JsonGenerator g : files.values()) {
                    g.close();
                }
            }
        } finally {
            for (OutputStream os : streams) {
                os.close();
            }
        }
        for (int m = 0; m < machineCount; m++) {
            for (LogFile f : LogFile.SHARED_V2) {
                bytes += Files.size(paths.machineLog(machineNames[m], f));
            }
        }
        return new Summary(spec.events(), perType, List.of(machineNames).subList(0, machineCount), bytes);
    }

    private static long maxSeq(Path dir) throws IOException {
        long max = 0;
        for (LogFile f : LogFile.SHARED_V2) {
            Path p = dir.resolve(f.fileName());
            if (Files.exists(p)) {
                java.util.regex.Matcher mt = java.util.regex.Pattern.compile("\"seq\":(\\d+)")
                        .matcher(Files.readString(p));
                while (mt.find()) {
                    max = Math.max(max, Long.parseLong(mt.group(1)));
                }
            }
        }
        return max;
    }

    private void writeRuntime(ChannelPaths paths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int a = 1; a < Math.min(4, agents.size()); a++) {
            sb.append("{\"type\":\"agent\",\"id\":\"usr-").append(id8()).append("\",\"name\":\"").append(agents.get(a))
                    .append("\",\"agent_id\":\"").append(agents.get(a)).append("\",\"registered_at\":")
                    .append(spec.startEpochSeconds()).append(",\"last_seen\":").append(now)
                    .append(",\"left_at\":null,\"managed\":true,\"presence\":\"idle\"}\n");
        }
        Files.writeString(paths.runtimeLog(), sb.toString(), StandardCharsets.UTF_8);
    }

    // ---- one event ------------------------------------------------------------------------------------------

    private void emit(Map<LogFile, JsonGenerator> files, int m) throws IOException {
        long t = now + clockOffset[m];
        int roll = random.nextInt(1000);
        RecordType type = pick(roll);
        if (messageIds.isEmpty() && type != RecordType.THREAD) {
            type = RecordType.MESSAGE;
        }
        if (threadIds.isEmpty() && type.v2File() == LogFile.THREADS && type != RecordType.THREAD
                && type != RecordType.MESSAGE_PIN && type != RecordType.MESSAGE_UNPIN) {
            type = RecordType.THREAD;
        }
        if (questionIds.isEmpty() && type == RecordType.QUESTION_UPDATE) {
            type = RecordType.QUESTION;
        }
        JsonGenerator g = files.get(type.v2File());
        g.writeStartObject();
        g.writeStringField("type", type.wireName());
        String agent = agents.get(random.nextInt(agents.size()));
        switch (type) {
            case MESSAGE -> {
                String id = "msg-" + id8();
                messageIds.add(id);
                g.writeStringField("id", id);
                g.writeStringField("channel_id", "ch-synth");
                if (!threadIds.isEmpty() && random.nextInt(4) == 0) {
                    g.writeStringField("home", threadIds.get(random.nextInt(threadIds.size())));
                } else {
                    g.writeStringField("home", "room");
                }
                g.writeStringField("from_agent", agent);
                g.writeStringField("origin", machineNames[m]);
                g.writeNumberField("seq", ++seq[m]);
                String target = agents.get(random.nextInt(agents.size()));
                g.writeStringField("body", body(target));
                g.writeArrayFieldStart("mentions");
                g.writeString(target + "@" + machineNames[random.nextInt(machineNames.length)]);
                g.writeEndArray();
                g.writeStringField("message_type", agent.equals("human") ? "user" : "agent");
                g.writeNullField("reply_to");
                g.writeNumberField("ts", t);
                g.writeNullField("edited_at");
                g.writeNullField("archived_at");
            }
            case MESSAGE_UPDATE -> {
                g.writeStringField("id", anyMessage());
                g.writeStringField("body", "edited: " + body(agent));
                g.writeNumberField("edited_at", t);
            }
            case MESSAGE_DELETE -> {
                g.writeStringField("id", anyMessage());
                g.writeStringField("deleted_by", agent);
                g.writeNumberField("seq", ++seq[m]);
                g.writeNumberField("ts", t);
            }
            case MESSAGE_MOVE -> {
                g.writeStringField("message_guid", anyMessage());
                g.writeStringField("old_home", "room");
                g.writeStringField("new_home", threadIds.isEmpty() ? "room" : anyThread());
                g.writeStringField("moved_by", agent);
                g.writeNumberField("moved_at", t);
            }
            case REACTION -> {
                g.writeStringField("message_guid", anyMessage());
                g.writeStringField("agent_id", agent);
                g.writeStringField("emoji", EMOJI[random.nextInt(EMOJI.length)]);
                g.writeNumberField("reacted_at", t * 1000 + random.nextInt(1000));
            }
            case MESSAGE_PIN, MESSAGE_UNPIN -> {
                boolean pin = type == RecordType.MESSAGE_PIN;
                g.writeStringField("message_guid", anyMessage());
                g.writeStringField("thread_guid", threadIds.isEmpty() ? "room" : anyThread());
                g.writeStringField(pin ? "pinned_by" : "unpinned_by", agent);
                g.writeNumberField(pin ? "pinned_at" : "unpinned_at", t);
            }
            case THREAD -> {
                String id = "thrd-" + id8();
                g.writeStringField("guid", id);
                g.writeStringField("name", "topic-" + threadIds.size());
                if (!threadIds.isEmpty() && random.nextInt(5) == 0) {
                    g.writeStringField("parent_thread", anyThread());
                }
                threadIds.add(id);
                g.writeArrayFieldStart("subscribed");
                g.writeString(agent);
                g.writeEndArray();
                g.writeStringField("status", "open");
                g.writeStringField("thread_type", "standard");
                g.writeNumberField("created_at", t);
            }
            case THREAD_UPDATE -> {
                g.writeStringField("guid", anyThread());
                if (random.nextBoolean()) {
                    g.writeStringField("name", "renamed-" + random.nextInt(1000));
                    g.writeNumberField("ts", t);
                } else {
                    g.writeNumberField("last_activity_at", t);
                }
            }
            case THREAD_DELETE -> {
                g.writeStringField("thread_id", anyThread());
                g.writeNumberField("seq", ++seq[m]);
                g.writeNumberField("ts", t);
            }
            case THREAD_SUBSCRIBE, THREAD_UNSUBSCRIBE -> {
                boolean sub = type == RecordType.THREAD_SUBSCRIBE;
                g.writeStringField("thread_guid", anyThread());
                g.writeStringField("agent_id", agent);
                g.writeNumberField(sub ? "subscribed_at" : "unsubscribed_at", t);
            }
            case THREAD_MESSAGE, THREAD_MESSAGE_REMOVE -> {
                boolean add = type == RecordType.THREAD_MESSAGE;
                g.writeStringField("thread_guid", anyThread());
                g.writeStringField("message_guid", anyMessage());
                g.writeStringField(add ? "added_by" : "removed_by", agent);
                g.writeNumberField(add ? "added_at" : "removed_at", t);
            }
            case THREAD_PIN, THREAD_UNPIN -> {
                boolean pin = type == RecordType.THREAD_PIN;
                g.writeStringField("thread_guid", anyThread());
                g.writeStringField(pin ? "pinned_by" : "unpinned_by", agent);
                g.writeNumberField(pin ? "pinned_at" : "unpinned_at", t);
            }
            case THREAD_MUTE, THREAD_UNMUTE -> {
                boolean mute = type == RecordType.THREAD_MUTE;
                g.writeStringField("thread_guid", anyThread());
                g.writeStringField("agent_id", agent);
                g.writeNumberField(mute ? "muted_at" : "unmuted_at", t);
                if (mute && random.nextBoolean()) {
                    g.writeNumberField("expires_at", t + 3600);
                }
            }
            case QUESTION -> {
                String id = "qstn-" + id8();
                questionIds.add(id);
                g.writeStringField("guid", id);
                g.writeStringField("re", "should we " + WORDS[random.nextInt(WORDS.length)] + "?");
                g.writeStringField("from_agent", agent);
                g.writeStringField("to", agents.get(random.nextInt(agents.size())));
                g.writeStringField("status", "open");
                g.writeNumberField("created_at", t);
            }
            case QUESTION_UPDATE -> {
                g.writeStringField("guid", questionIds.get(random.nextInt(questionIds.size())));
                g.writeStringField("status", random.nextBoolean() ? "answered" : "closed");
                if (random.nextBoolean()) {
                    g.writeNumberField("ts", t);
                }
            }
            case GHOST_CURSOR -> {
                g.writeStringField("agent_id", agent);
                g.writeStringField("home", "room");
                g.writeStringField("message_guid", anyMessage());
                g.writeBooleanField("must_read", random.nextBoolean());
                g.writeNumberField("set_at", t * 1000);
            }
            case CURSOR_CLEAR -> {
                g.writeStringField("agent_id", agent);
                g.writeStringField("home", "room");
                g.writeNumberField("seq", ++seq[m]);
                g.writeNumberField("ts", t * 1000);
            }
            case AGENT_FAVE, FAVE_REMOVE -> {
                boolean fave = type == RecordType.AGENT_FAVE;
                g.writeStringField("agent_id", agent);
                g.writeStringField("item_type", "message");
                g.writeStringField("item_guid", anyMessage());
                if (!fave) {
                    g.writeNumberField("seq", ++seq[m]);
                }
                g.writeNumberField(fave ? "faved_at" : "ts", t * 1000);
            }
            case ROLE_HOLD, ROLE_RELEASE -> {
                boolean hold = type == RecordType.ROLE_HOLD;
                g.writeStringField("agent_id", agent);
                g.writeStringField("role_name", ROLES[random.nextInt(ROLES.length)]);
                if (!hold) {
                    g.writeNumberField("seq", ++seq[m]);
                }
                g.writeNumberField(hold ? "assigned_at" : "ts", t * 1000);
            }
            case AGENT_DESCRIPTOR -> {
                g.writeStringField("agent_id", agent);
                g.writeNumberField("seq", ++seq[m]);
                g.writeNumberField("ts", t);
            }
            default -> throw new IllegalStateException("not generated: " + type);
        }
        g.writeEndObject();
        g.writeRaw('\n');
        perType.merge(type, 1, Integer::sum);
    }

    /** Weights per 1000 events, after fray's real mix. */
    private static RecordType pick(int roll) {
        int acc = 0;
        for (int i = 0; i < MIX.length; i++) {
            acc += WEIGHTS[i];
            if (roll < acc) {
                return MIX[i];
            }
        }
        return RecordType.MESSAGE;
    }

    private static final RecordType[] MIX = {
        RecordType.MESSAGE, RecordType.MESSAGE_UPDATE, RecordType.MESSAGE_DELETE, RecordType.MESSAGE_MOVE,
        RecordType.REACTION, RecordType.MESSAGE_PIN, RecordType.MESSAGE_UNPIN, RecordType.THREAD,
        RecordType.THREAD_UPDATE, RecordType.THREAD_DELETE, RecordType.THREAD_SUBSCRIBE,
        RecordType.THREAD_UNSUBSCRIBE, RecordType.THREAD_MESSAGE, RecordType.THREAD_MESSAGE_REMOVE,
        RecordType.THREAD_PIN, RecordType.THREAD_UNPIN, RecordType.THREAD_MUTE, RecordType.THREAD_UNMUTE,
        RecordType.QUESTION, RecordType.QUESTION_UPDATE, RecordType.GHOST_CURSOR, RecordType.CURSOR_CLEAR,
        RecordType.AGENT_FAVE, RecordType.FAVE_REMOVE, RecordType.ROLE_HOLD, RecordType.ROLE_RELEASE,
        RecordType.AGENT_DESCRIPTOR,
    };
    private static final int[] WEIGHTS = {
        450, 80, 15, 10,
        120, 6, 2, 15,
        15, 2, 60,
        8, 20, 3,
        4, 2, 4, 2,
        15, 15, 60, 20,
        20, 8, 8, 4,
        12,
    };

    private String anyMessage() {
        return messageIds.get(random.nextInt(messageIds.size()));
    }

    private String anyThread() {
        return threadIds.get(random.nextInt(threadIds.size()));
    }

    private String id8() {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[i] = Character.forDigit(random.nextInt(36), 36);
        }
        return new String(c);
    }

    private String body(String mention) {
        StringBuilder sb = new StringBuilder("@").append(mention);
        int words = 8 + random.nextInt(40);
        for (int i = 0; i < words; i++) {
            sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static final String[] EMOJI = {"👍", "🎉", "ack", "👀", "🔥", "done"};
    private static final String[] ROLES = {"reviewer", "pm", "architect", "oncall"};
    private static final String[] WORDS = ("the build is green again after the merge of the storage branch we should "
            + "rebuild cache <tests> & docs for machine sync review ship it later today tomorrow").split(" ");
}
