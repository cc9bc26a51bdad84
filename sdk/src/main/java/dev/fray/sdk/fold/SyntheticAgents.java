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

    private final Map<String, long[]> authors = new TreeMap<>(Utf8Order::compare);
    private final Map<String, Long> descriptors = new TreeMap<>(Utf8Order::compare);
    private final Set<String> runtime = new HashSet<>();

    void noteAuthor(String agentId, long normalizedTs) {
        if (agentId.isEmpty()) {
            return;
        }
        long[] range = authors.get(agentId);
        if (range == null) {
            authors.put(agentId, new long[] {normalizedTs, normalizedTs});
        } else {
            range[0] = Math.min(range[0], normalizedTs);
            range[1] = Math.max(range[1], normalizedTs);
        }
    }

    void noteDescriptor(String agentId, long normalizedTs) {
        if (!agentId.isEmpty()) {
            descriptors.put(agentId, normalizedTs);
        }
    }

    void noteRuntimeAgent(String agentId) {
        runtime.add(agentId);
    }

    void emit(FoldContext out) {
        Set<String> done = new HashSet<>(runtime);
        authors.forEach((agent, range) -> {
            if (done.add(agent)) {
                out.emit(synthetic(agent, range[0], range[1]));
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
