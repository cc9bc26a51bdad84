package dev.fray.sdk.mention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine scoping of mentions at write time in a v2 channel, exactly fray's {@code EncodeMention} (reference §5.2).
 *
 * <ul>
 *   <li>{@code ""} and {@code all} are unchanged;</li>
 *   <li>without a machine part (split at the last {@code @}; an empty agent or machine part counts as none) the
 *       local machine is appended: {@code opus} → {@code opus@laptop}; unchanged when the local machine is empty;</li>
 *   <li>machine {@code all} is kept: {@code opus@all} is a broadcast to every machine;</li>
 *   <li>otherwise the machine is alias-resolved: a non-empty alias replaces it, an empty alias (retired machine)
 *       keeps the original id.</li>
 * </ul>
 * Stored values have no leading {@code @}. {@code from_agent} is never scoped.
 */
public final class MentionEncoder {

    private MentionEncoder() {
    }

    /** Scopes one mention. {@code machineAliases} may be {@code null}. */
    public static String encode(String mention, String localMachine, Map<String, String> machineAliases) {
        if (mention == null || mention.isEmpty() || mention.equals("all")) {
            return mention;
        }
        int at = mention.lastIndexOf('@');
        String agent = at < 0 ? mention : mention.substring(0, at);
        String machine = at < 0 ? "" : mention.substring(at + 1);
        if (at < 0 || agent.isEmpty() || machine.isEmpty()) {
            if (localMachine == null || localMachine.isEmpty()) {
                return mention;
            }
            return mention + "@" + localMachine;
        }
        if (machine.equals("all")) {
            return mention;
        }
        return agent + "@" + resolveAlias(machine, machineAliases);
    }

    /** Scopes every mention, keeping order; {@code null} stays {@code null}. */
    public static List<String> encodeAll(List<String> mentions, String localMachine, Map<String, String> aliases) {
        if (mentions == null) {
            return null;
        }
        List<String> out = new ArrayList<>(mentions.size());
        for (String m : mentions) {
            out.add(encode(m, localMachine, aliases));
        }
        return out;
    }

    /** Scopes the keys of a {@code fork_sessions} map ({@code EncodeForkSessions}); {@code null} stays {@code null}. */
    public static Map<String, String> encodeForkSessions(Map<String, String> forkSessions, String localMachine,
                                                         Map<String, String> aliases) {
        if (forkSessions == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        forkSessions.forEach((k, v) -> out.put(encode(k, localMachine, aliases), v));
        return out;
    }

    /**
     * fray's {@code ResolveMachineAlias}: the alias when one exists and is non-empty, else the id itself (an empty
     * alias marks a retired machine, whose id is kept).
     */
    public static String resolveAlias(String machine, Map<String, String> machineAliases) {
        if (machineAliases == null || machine == null) {
            return machine;
        }
        String alias = machineAliases.get(machine);
        return alias == null || alias.isEmpty() ? machine : alias;
    }
}
