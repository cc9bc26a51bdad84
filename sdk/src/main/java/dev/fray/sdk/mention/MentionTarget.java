package dev.fray.sdk.mention;

import java.util.Map;

/**
 * A stored mention value, understood for routing (the read side of {@link MentionEncoder}).
 *
 * <table>
 *   <caption>Stored forms</caption>
 *   <tr><th>stored</th><th>agent</th><th>machine</th><th>broadcast</th><th>addresses</th></tr>
 *   <tr><td>{@code all}</td><td>{@code null}</td><td>{@code null}</td><td>true</td><td>everyone everywhere</td></tr>
 *   <tr><td>{@code opus@all}</td><td>opus</td><td>{@code null}</td><td>true</td><td>opus on every machine</td></tr>
 *   <tr><td>{@code opus@laptop}</td><td>opus</td><td>laptop</td><td>false</td><td>opus on laptop only</td></tr>
 *   <tr><td>{@code opus} (v1/legacy)</td><td>opus</td><td>{@code null}</td><td>false</td><td>opus anywhere</td></tr>
 *   <tr><td>{@code all@laptop}</td><td>{@code null}</td><td>laptop</td><td>false</td><td>everyone on laptop</td></tr>
 * </table>
 *
 * <p>The agent part also addresses sub-agents by dot prefix, as fray's mention queries do ({@code LIKE 'opus.%'}):
 * {@code opus} reaches {@code opus.1} and {@code opus.1.sub}, not {@code opusx} nor the worker {@code opus[ab-1]}.
 *
 * @param agent     the agent part, or {@code null} when everyone is addressed
 * @param machine   the machine part, or {@code null} for legacy (unscoped) and broadcast mentions
 * @param broadcast true for {@code all} and {@code agent@all}: every machine
 */
public record MentionTarget(String agent, String machine, boolean broadcast) {

    /**
     * Parses a stored mention value. Splits at the last {@code @} like fray; an empty agent or machine part means
     * the whole value is an (unscoped) agent.
     */
    public static MentionTarget parse(String stored) {
        if (stored.equals("all")) {
            return new MentionTarget(null, null, true);
        }
        int at = stored.lastIndexOf('@');
        if (at <= 0 || at == stored.length() - 1) {
            return new MentionTarget(stored, null, false);
        }
        String agent = stored.substring(0, at);
        String machine = stored.substring(at + 1);
        if (machine.equals("all")) {
            return new MentionTarget(agent.equals("all") ? null : agent, null, true);
        }
        return new MentionTarget(agent.equals("all") ? null : agent, machine, false);
    }

    /** True for a plain {@code agent} value written before machine scoping (v1 data). */
    public boolean isLegacy() {
        return agent != null && machine == null && !broadcast;
    }

    /**
     * Whether this mention addresses {@code agentId} running on {@code localMachine} — the single routing rule of
     * fray-jvm. The agent part follows fray's mention query ({@code value = agent OR value LIKE 'agent.%'}): a mention
     * of {@code alice} or of a sub-agent {@code alice.1} reaches {@code alice}; {@code all} reaches everyone.
     * {@code agent@all} and legacy unscoped {@code agent} reach it on every machine; {@code agent@m} only when
     * {@code m} is this machine, following renames in {@code machine_aliases} (old → new, chains allowed; a retired
     * machine, alias {@code ""}, is nobody's). In a v1 channel ({@code localMachine} null or empty) only unscoped and
     * broadcast mentions can match.
     *
     * @param agentId      the agent to test (plain id, never machine-scoped)
     * @param localMachine this machine's id, or null in a v1 channel
     * @param aliases      {@code machine_aliases} from the channel config, may be {@code null}
     */
    public boolean addresses(String agentId, String localMachine, Map<String, String> aliases) {
        if (agent != null && !agent.equals(agentId) && !agent.startsWith(agentId + ".")) {
            return false;
        }
        if (broadcast || machine == null) {
            return true;
        }
        if (localMachine == null || localMachine.isEmpty()) {
            return false;
        }
        String there = currentName(machine, aliases);
        return there != null && there.equals(currentName(localMachine, aliases));
    }

    /**
     * A machine's name after every rename in {@code machine_aliases} (both the mention and this machine may still
     * use an old name: a remote rename does not touch the renamed machine's own {@code local/machine-id}). A retired
     * machine (alias {@code ""}) keeps its last name; a cycle of aliases names no machine ({@code null}).
     */
    private static String currentName(String machine, Map<String, String> aliases) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        String current = machine;
        while (aliases != null) {
            String next = aliases.get(current);
            if (next == null || next.isEmpty()) {
                break;
            }
            if (!seen.add(current)) {
                return null;
            }
            current = next;
        }
        return current;
    }
}
