package dev.fray.sdk.query;

import dev.fray.sdk.mention.MentionTarget;
import java.util.Map;
import java.util.Objects;

/**
 * Read side of mention routing: does a stored mention value address a given agent on this machine? The rule itself
 * is {@link MentionTarget#addresses}; this class binds it to one agent and machine and supplies the SQL prefilter.
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

    /** Whether the stored mention value addresses this rule's agent on this rule's machine ({@link MentionTarget}). */
    public boolean addresses(String stored) {
        return stored != null && !stored.isEmpty()
                && MentionTarget.parse(stored).addresses(agentId, localMachine, machineAliases);
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
