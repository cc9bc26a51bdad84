package dev.fray.sdk.query;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Read side of mention routing: does a stored mention value address a given agent on this machine? The one place the
 * rule lives on the query side (the write side's {@code dev.fray.sdk.mention.MentionTarget} encodes the same forms;
 * the two are meant to be merged).
 *
 * <p>Stored forms (reference §5.1–5.4) and when they address agent {@code A} on local machine {@code M}:
 * <ul>
 *   <li>{@code all} — everyone, everywhere.</li>
 *   <li>{@code X} (no machine; legacy v1 or unscoped) — when {@code X} names {@code A}.</li>
 *   <li>{@code X@all} — when {@code X} names {@code A}, on every machine.</li>
 *   <li>{@code X@m} — when {@code X} names {@code A} and {@code m} is {@code M}, or {@code m} was renamed to
 *       {@code M} (machine aliases {@code old -> new}, followed transitively). An alias to {@code ""} retires
 *       {@code m}: its mentions address nobody on another machine.</li>
 * </ul>
 * {@code X} names {@code A} when {@code X == A}, when {@code X} starts with {@code A + "."} (the {@code agent.sub}
 * prefix form, fray's {@code LIKE 'A.%'}), or when {@code X} is {@code all} (an {@code all@m} broadcast to one
 * machine). The value is split at its <em>last</em> {@code @}; an empty agent or machine part means "no machine",
 * like fray's {@code EncodeMention}. Comparisons are exact (case-sensitive).
 */
public final class MentionRoutingRule {

    private final String agentId;
    private final String localMachine;
    private final Map<String, String> machineAliases;

    /**
     * @param agentId        the agent whose mentions are wanted
     * @param localMachine   this machine's id; null or empty in a v1 channel (then only unscoped and {@code @all}
     *                       mentions can match)
     * @param machineAliases fray-config.json {@code machine_aliases}: old id → new id, {@code ""} = retired
     */
    public MentionRoutingRule(String agentId, String localMachine, Map<String, String> machineAliases) {
        if (agentId == null || agentId.isEmpty()) {
            throw new IllegalArgumentException("agentId must not be empty");
        }
        this.agentId = agentId;
        this.localMachine = localMachine == null ? "" : localMachine;
        this.machineAliases = Map.copyOf(Objects.requireNonNull(machineAliases, "machineAliases"));
    }

    public String agentId() {
        return agentId;
    }

    /** Whether the stored mention value addresses this rule's agent on this rule's machine. */
    public boolean addresses(String stored) {
        if (stored == null || stored.isEmpty()) {
            return false;
        }
        if (stored.equals("all")) {
            return true;
        }
        int at = stored.lastIndexOf('@');
        boolean scoped = at > 0 && at < stored.length() - 1;
        String agentPart = scoped ? stored.substring(0, at) : stored;
        if (!namesAgent(agentPart)) {
            return false;
        }
        return !scoped || addressesThisMachine(stored.substring(at + 1));
    }

    private boolean namesAgent(String agentPart) {
        return agentPart.equals(agentId) || agentPart.startsWith(agentId + ".") || agentPart.equals("all");
    }

    private boolean addressesThisMachine(String machine) {
        if (machine.equals("all")) {
            return true;
        }
        if (localMachine.isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        String current = machine;
        while (seen.add(current)) {
            if (current.equals(localMachine)) {
                return true;
            }
            String renamed = machineAliases.get(current);
            if (renamed == null || renamed.isEmpty()) {
                return false; // not renamed, or retired
            }
            current = renamed;
        }
        return false; // alias cycle
    }

    /**
     * SQL prefilter over {@code json_each(mentions)} values bound to {@code :agent}: a superset of
     * {@link #addresses} (every value naming the agent or {@code all}, whatever its machine), so the exact rule can be
     * applied in Java to far fewer rows. Uses {@code substr} rather than {@code LIKE}, which is case-insensitive.
     */
    static String sqlPrefilter(String jsonValue) {
        return "(" + jsonValue + " = 'all' OR " + jsonValue + " = :agent OR substr(" + jsonValue
                + ", 1, length(:agent) + 1) IN (:agent || '@', :agent || '.') OR substr(" + jsonValue
                + ", 1, 4) = 'all@')";
    }
}
