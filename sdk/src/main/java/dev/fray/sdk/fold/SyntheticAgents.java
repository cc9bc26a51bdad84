package dev.fray.sdk.fold;

import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.spi.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * v2 agent synthesis (reference §3.5.10), fed while entities are folded and emitted at the end. Memory: one entry
 * per distinct author / descriptor agent.
 * <ul>
 *   <li>Every message author without a runtime {@code agent} gets an agent with {@code registered_at} = earliest and
 *       {@code last_seen} = latest normalised message ts.</li>
 *   <li>Then every descriptor agent still missing gets one with both = its normalised descriptor ts.</li>
 * </ul>
 * Deliberate differences from fray: the GUID is {@code usr-} + the first 8 hex digits of SHA-256(agent id) instead of
 * random, so every machine and every rebuild produce the same rows; a descriptor ts of 0 stays 0 instead of "now".
 */
final class SyntheticAgents {

    /** Per author: {min ts, messages at min, max ts, messages at max, messages}; the counts let a catch-up update it. */
    final Map<String, long[]> authors = new TreeMap<>(Utf8Order::compare);
    final Map<String, Long> descriptors = new TreeMap<>(Utf8Order::compare);
    final Set<String> runtime = new HashSet<>();

    void noteAuthor(String agentId, long normalizedTs) {
        if (agentId.isEmpty()) {
            return;
        }
        long[] r = authors.get(agentId);
        if (r == null) {
            authors.put(agentId, new long[] {normalizedTs, 1, normalizedTs, 1, 1});
            return;
        }
        if (normalizedTs < r[0]) {
            r[0] = normalizedTs;
            r[1] = 1;
        } else if (normalizedTs == r[0]) {
            r[1]++;
        }
        if (normalizedTs > r[2]) {
            r[2] = normalizedTs;
            r[3] = 1;
        } else if (normalizedTs == r[2]) {
            r[3]++;
        }
        r[4]++;
    }

    /**
     * Takes back one {@link #noteAuthor}; {@code false} when the range cannot be known without the other messages
     * (the last message at the minimum or maximum went away while others remain).
     */
    boolean forgetAuthor(String agentId, long normalizedTs) {
        if (agentId.isEmpty()) {
            return true;
        }
        long[] r = authors.get(agentId);
        if (r == null) {
            return false;
        }
        if (--r[4] == 0) {
            authors.remove(agentId);
            return true;
        }
        if (normalizedTs == r[0] && --r[1] == 0) {
            return false;
        }
        return !(normalizedTs == r[2] && --r[3] == 0);
    }

    void noteDescriptor(String agentId, long normalizedTs) {
        if (!agentId.isEmpty()) {
            descriptors.put(agentId, normalizedTs);
        }
    }

    void noteRuntimeAgent(String agentId) {
        runtime.add(agentId);
    }

    /** A deep copy (catch-up compares the synthetic rows before and after). */
    SyntheticAgents copy() {
        SyntheticAgents c = new SyntheticAgents();
        authors.forEach((k, v) -> c.authors.put(k, v.clone()));
        c.descriptors.putAll(descriptors);
        c.runtime.addAll(runtime);
        return c;
    }

    void emit(FoldContext out) {
        Set<String> done = new HashSet<>(runtime);
        authors.forEach((agent, range) -> {
            if (done.add(agent)) {
                out.emit(synthetic(agent, range[0], range[2]));
            }
        });
        descriptors.forEach((agent, ts) -> {
            if (done.add(agent)) {
                out.emit(synthetic(agent, ts, ts));
            }
        });
    }

    private static AgentRow synthetic(String agentId, long registeredAt, long lastSeen) {
        return new AgentRow(guidFor(agentId), agentId, null, null, null, registeredAt, lastSeen, null, false, null,
                "offline", null, null, null, null);
    }

    /** The deterministic GUID of a synthetic agent: {@code usr-} + first 8 hex digits of SHA-256(agent id). */
    static String guidFor(String agentId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(agentId.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("usr-");
            for (int i = 0; i < 4; i++) {
                sb.append(String.format("%02x", d[i] & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
