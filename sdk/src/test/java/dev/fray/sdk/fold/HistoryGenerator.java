package dev.fray.sdk.fold;

import dev.fray.sdk.model.LogFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random multi-machine v2 histories for property tests: 3–5 machines with clock skew, s/ms timestamp mixes,
 * cross-machine edits, deletes, moves and re-creations, updates before their targets, GUID collisions, duplicate
 * reactions, pins from both files, subscriptions, questions, agent state. Small id pools make entities collide on
 * purpose. Deterministic for a given (seed, size).
 */
final class HistoryGenerator {

    /** A generated history: per machine, per shared log, the lines; plus the local runtime log. */
    record History(Map<String, Map<LogFile, List<String>>> machines, List<String> runtime) {
    }

    private final Random rnd;
    private final int size;

    HistoryGenerator(long seed, int size) {
        this.rnd = new Random(seed);
        this.size = size;
    }

    private String pick(String prefix, int pool) {
        return prefix + rnd.nextInt(pool);
    }

    private long ts(long skew) {
        long s = 1_700_000_000L + rnd.nextInt(1000) + skew;
        return rnd.nextInt(5) == 0 ? s * 1000 + rnd.nextInt(1000) : s; // ms mixed in
    }

    History generate() {
        String[] names = {"alpha", "beta", "gamma", "delta", "épsilon", "Zed", "m-1"};
        int count = 3 + rnd.nextInt(3);
        List<String> pool = new ArrayList<>(List.of(names));
        java.util.Collections.shuffle(pool, rnd);
        Map<String, Map<LogFile, List<String>>> machines = new LinkedHashMap<>();
        for (int m = 0; m < count; m++) {
            String machine = pool.get(m);
            long skew = rnd.nextInt(200) - 100;
            Map<LogFile, List<String>> files = new LinkedHashMap<>();
            for (LogFile f : LogFile.SHARED_V2) {
                files.put(f, new ArrayList<>());
            }
            int seq = 0;
            int events = 1 + rnd.nextInt(size);
            for (int i = 0; i < events; i++) {
                String msg = pick("msg-", 12);
                String thrd = pick("thrd-", 5);
                String qstn = pick("qstn-", 4);
                String agent = pick("ag", 4);
                int kind = rnd.nextInt(24);
                String line;
                LogFile file;
                switch (kind) {
                    case 0, 1, 2 -> {
                        file = LogFile.MESSAGES;
                        line = "{\"type\":\"message\",\"id\":\"" + msg + "\",\"from_agent\":\"" + agent
                                + "\",\"body\":\"b" + rnd.nextInt(100) + "\",\"mentions\":"
                                + (rnd.nextBoolean() ? "null" : "[\"" + agent + "@" + machine + "\"]")
                                + (rnd.nextInt(4) == 0 ? ",\"home\":\"" + thrd + "\"" : "")
                                + (rnd.nextInt(6) == 0 ? ",\"reactions\":{\" ok \":[\"" + agent + "\",\"\"]}" : "")
                                + ",\"seq\":" + (++seq) + ",\"ts\":" + ts(skew) + "}";
                    }
                    case 3, 4 -> {
                        file = LogFile.MESSAGES;
                        line = "{\"type\":\"message_update\",\"id\":\"" + msg + "\",\"body\":\"e" + rnd.nextInt(100)
                                + "\"" + (rnd.nextBoolean() ? ",\"edited_at\":" + ts(skew) : "")
                                + (rnd.nextInt(5) == 0 ? ",\"archived_at\":" + (rnd.nextBoolean() ? "null" : ts(skew)) : "")
                                + (rnd.nextInt(6) == 0 ? ",\"reactions\":{\"x\":[\"" + agent + "\"]}" : "") + "}";
                    }
                    case 5 -> {
                        file = LogFile.MESSAGES;
                        line = "{\"type\":\"message_delete\",\"id\":\"" + msg + "\",\"seq\":" + (++seq) + ",\"ts\":"
                                + ts(skew) + "}";
                    }
                    case 6 -> {
                        file = LogFile.MESSAGES;
                        line = "{\"type\":\"message_move\",\"message_guid\":\"" + msg + "\",\"old_home\":\"room\","
                                + "\"new_home\":\"" + thrd + "\",\"moved_by\":\"" + agent + "\"" + (rnd.nextBoolean()
                                        ? ",\"moved_at\":" + ts(skew) : "") + "}";
                    }
                    case 7 -> {
                        file = LogFile.MESSAGES;
                        // few distinct reactions: duplicates within and across machines
                        line = "{\"type\":\"reaction\",\"message_guid\":\"" + msg + "\",\"agent_id\":\"" + agent
                                + "\",\"emoji\":\"+1\",\"reacted_at\":" + (1_700_000_000_000L + rnd.nextInt(3)) + "}";
                    }
                    case 8 -> {
                        file = rnd.nextBoolean() ? LogFile.THREADS : LogFile.MESSAGES;
                        String type = rnd.nextBoolean() ? "message_pin" : "message_unpin";
                        String verb = type.equals("message_pin") ? "pinned" : "unpinned";
                        line = "{\"type\":\"" + type + "\",\"message_guid\":\"" + msg + "\",\"thread_guid\":\"" + thrd
                                + "\",\"" + verb + "_by\":\"" + agent + "\",\"" + verb + "_at\":" + ts(skew) + "}";
                    }
                    case 9, 10 -> {
                        file = LogFile.THREADS;
                        line = "{\"type\":\"thread\",\"guid\":\"" + thrd + "\",\"name\":\"n" + rnd.nextInt(50) + "\""
                                + (rnd.nextBoolean() ? ",\"subscribed\":[\"" + agent + "\",\"ag9\"]" : "")
                                + (rnd.nextInt(3) == 0 ? ",\"parent_thread\":\"" + pick("thrd-", 7) + "\"" : "")
                                + ",\"status\":\"" + (rnd.nextInt(4) == 0 ? "" : "open") + "\",\"created_at\":"
                                + ts(skew) + "}";
                    }
                    case 11 -> {
                        file = LogFile.THREADS;
                        line = "{\"type\":\"thread_update\",\"guid\":\"" + thrd + "\",\"name\":\"u" + rnd.nextInt(50)
                                + "\"" + (rnd.nextBoolean() ? ",\"status\":\"archived\"" : ",\"status\":\"open\"")
                                + (rnd.nextBoolean() ? ",\"last_activity_at\":" + ts(skew) : "") + "}";
                    }
                    case 12 -> {
                        file = LogFile.THREADS;
                        line = "{\"type\":\"thread_delete\",\"" + (rnd.nextBoolean() ? "thread_id" : "guid") + "\":\""
                                + thrd + "\",\"seq\":" + (++seq) + ",\"ts\":" + ts(skew) + "}";
                    }
                    case 13, 14 -> {
                        file = LogFile.THREADS;
                        boolean sub = rnd.nextBoolean();
                        line = "{\"type\":\"thread_" + (sub ? "subscribe" : "unsubscribe") + "\",\"thread_guid\":\""
                                + thrd + "\",\"agent_id\":\"" + agent + "\",\"" + (sub ? "subscribed_at" : "unsubscribed_at")
                                + "\":" + ts(skew) + "}";
                    }
                    case 15 -> {
                        file = LogFile.THREADS;
                        boolean add = rnd.nextBoolean();
                        line = "{\"type\":\"thread_message" + (add ? "" : "_remove") + "\",\"thread_guid\":\"" + thrd
                                + "\",\"message_guid\":\"" + msg + "\",\"" + (add ? "added" : "removed") + "_by\":\""
                                + agent + "\",\"" + (add ? "added_at" : "removed_at") + "\":" + ts(skew) + "}";
                    }
                    case 16 -> {
                        file = LogFile.THREADS;
                        int t = rnd.nextInt(4);
                        line = switch (t) {
                            case 0 -> "{\"type\":\"thread_pin\",\"thread_guid\":\"" + thrd + "\",\"pinned_by\":\"" + agent
                                    + "\",\"pinned_at\":" + ts(skew) + "}";
                            case 1 -> "{\"type\":\"thread_unpin\",\"thread_guid\":\"" + thrd + "\",\"unpinned_by\":\""
                                    + agent + "\",\"unpinned_at\":" + ts(skew) + "}";
                            case 2 -> "{\"type\":\"thread_mute\",\"thread_guid\":\"" + thrd + "\",\"agent_id\":\"" + agent
                                    + "\",\"muted_at\":" + ts(skew) + "}";
                            default -> "{\"type\":\"thread_unmute\",\"thread_guid\":\"" + thrd + "\",\"agent_id\":\""
                                    + agent + "\",\"unmuted_at\":" + ts(skew) + "}";
                        };
                    }
                    case 17 -> {
                        file = LogFile.QUESTIONS;
                        line = "{\"type\":\"question\",\"guid\":\"" + qstn + "\",\"re\":\"q" + rnd.nextInt(50)
                                + "\",\"from_agent\":\"" + agent + "\",\"status\":\"open\",\"created_at\":" + ts(skew) + "}";
                    }
                    case 18, 19 -> {
                        file = LogFile.QUESTIONS;
                        String[] st = {"open", "answered", "closed"};
                        line = "{\"type\":\"question_update\",\"guid\":\"" + qstn + "\",\"status\":\""
                                + st[rnd.nextInt(3)] + "\"}";
                    }
                    case 20 -> {
                        file = LogFile.AGENT_STATE;
                        line = "{\"type\":\"agent_descriptor\",\"agent_id\":\"" + agent + "\""
                                + (rnd.nextBoolean() ? ",\"display_name\":\"D" + rnd.nextInt(9) + "\"" : "")
                                + ",\"seq\":" + (++seq) + ",\"ts\":" + (rnd.nextInt(5) == 0 ? 0 : ts(skew)) + "}";
                    }
                    case 21 -> {
                        file = LogFile.AGENT_STATE;
                        line = rnd.nextBoolean()
                                ? "{\"type\":\"ghost_cursor\",\"agent_id\":\"" + agent + "\",\"home\":\"room\","
                                        + "\"message_guid\":\"" + msg + "\",\"must_read\":" + rnd.nextBoolean()
                                        + ",\"set_at\":" + ts(skew) + "}"
                                : "{\"type\":\"cursor_clear\",\"agent_id\":\"" + agent + "\",\"home\":\"room\",\"seq\":"
                                        + (++seq) + ",\"ts\":" + ts(skew) + "}";
                    }
                    case 22 -> {
                        file = LogFile.AGENT_STATE;
                        int t = rnd.nextInt(3);
                        String type = t == 0 ? "agent_fave" : t == 1 ? "agent_unfave" : "fave_remove";
                        String at = t == 0 ? "faved_at" : t == 1 ? "unfaved_at" : "ts";
                        line = "{\"type\":\"" + type + "\",\"agent_id\":\"" + agent + "\",\"item_type\":\"thread\","
                                + "\"item_guid\":\"" + thrd + "\"" + (t == 2 ? ",\"seq\":" + (++seq) : "") + ",\"" + at
                                + "\":" + ts(skew) + "}";
                    }
                    default -> {
                        file = LogFile.AGENT_STATE;
                        String[] types = {"role_hold", "role_drop", "role_release", "role_play", "role_stop"};
                        String[] ats = {"assigned_at", "dropped_at", "ts", "started_at", "stopped_at"};
                        int t = rnd.nextInt(5);
                        line = "{\"type\":\"" + types[t] + "\",\"agent_id\":\"" + agent + "\",\"role_name\":\"r"
                                + rnd.nextInt(2) + "\"" + (t == 2 ? ",\"seq\":" + (++seq) : "") + ",\"" + ats[t] + "\":"
                                + ts(skew) + "}";
                    }
                }
                files.get(file).add(line);
            }
            machines.put(machine, files);
        }
        List<String> runtime = new ArrayList<>();
        int agents = rnd.nextInt(4);
        for (int i = 0; i < agents; i++) {
            String agent = pick("ag", 6);
            runtime.add("{\"type\":\"agent\",\"id\":\"usr-" + agent + "\",\"agent_id\":\"" + agent
                    + "\",\"registered_at\":1,\"last_seen\":2,\"left_at\":null" + (rnd.nextBoolean() ? ",\"managed\":true" : "") + "}");
            if (rnd.nextBoolean()) {
                runtime.add("{\"type\":\"agent_update\",\"agent_id\":\"" + agent + "\",\"presence\":\"idle\"}");
            }
        }
        return new History(machines, runtime);
    }
}
