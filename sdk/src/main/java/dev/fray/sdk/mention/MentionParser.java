package dev.fray.sdk.mention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the mentions in a message body as fray does (reference §5.1, {@code internal/core/mentions.go}), plus the
 * machine-scoped form {@code @agent@machine} that fray's own regexes miss.
 *
 * <p>fray's rules, reproduced: the agent name pattern
 * {@code [a-z][a-z0-9]*(?:[-.][a-z0-9]+)*(?:\[[a-z0-9]+-\d+\])?}; a match preceded by a Unicode letter or digit is
 * skipped (so {@code test@test.com} is not a mention); {@code all} is always accepted; names containing {@code .} or
 * {@code [} are always accepted; otherwise, with a set of known bases, only names in it; without one, names of length
 * 3 to 15. Uppercase never matches. No de-duplication, except that interrupts add a name only if missing.
 *
 * <p>Extension: directly after an accepted name, {@code @machine} is captured too, giving the stored form
 * {@code agent@machine} ({@code @opus@server} → {@code opus@server}, {@code @opus@all} → {@code opus@all}). A machine
 * id is letters, digits, {@code _}, {@code .}, {@code -}, not ending in {@code .} or {@code -} (so a sentence's
 * final period is not part of it). {@code @all@x} stays plain {@code all}: "everyone" has no machine scope.
 */
public final class MentionParser {

    private static final String NAME = "[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*(?:\\[[a-z0-9]+-\\d+\\])?";
    private static final String MACHINE = "[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?";
    private static final Pattern MENTION = Pattern.compile("@(" + NAME + ")(?:@(" + MACHINE + "))?");
    private static final Pattern MENTION_WITH_SESSION =
            Pattern.compile("@(" + NAME + ")(?:@(" + MACHINE + "))?(?:#([a-zA-Z0-9]+))?");
    private static final Pattern INTERRUPT = Pattern.compile("(!{1,2})@(" + NAME + ")(?:@(" + MACHINE + "))?(!?)");

    private MentionParser() {
    }

    /** An interrupt request: {@code !@a} (resume), {@code !!@a} (fresh session), trailing {@code !} = no respawn. */
    public record Interrupt(boolean doubleBang, boolean noSpawn) {
    }

    /**
     * What {@code fray post} extracts from a body.
     *
     * @param mentions     targets without {@code @}, in order of appearance, duplicates kept
     * @param forkSessions target → session-id prefix for {@code @agent#sess}
     * @param interrupts   target → interrupt for {@code !@agent} forms (not persisted in JSONL)
     */
    public record Result(List<String> mentions, Map<String, String> forkSessions, Map<String, Interrupt> interrupts) {
    }

    /**
     * The plain variant fray uses for react replies and thread anchors ({@code ExtractMentions}).
     *
     * @param knownBases agent bases to accept, or {@code null} to accept any name of length 3–15
     */
    public static List<String> extract(String body, Set<String> knownBases) {
        List<String> mentions = new ArrayList<>();
        Matcher m = MENTION.matcher(body);
        while (m.find()) {
            String target = accept(body, m.start(), m.group(1), m.group(2), knownBases);
            if (target != null) {
                mentions.add(target);
            }
        }
        return mentions;
    }

    /**
     * The variant {@code fray post} uses ({@code ExtractMentionsWithSession}): mentions, {@code @agent#sess} fork
     * sessions and {@code !@agent} interrupts.
     *
     * @param knownBases agent bases to accept, or {@code null} to accept any name of length 3–15
     */
    public static Result extractWithSessions(String body, Set<String> knownBases) {
        List<String> mentions = new ArrayList<>();
        Map<String, String> forkSessions = new LinkedHashMap<>();
        Map<String, Interrupt> interrupts = new LinkedHashMap<>();
        Matcher m = MENTION_WITH_SESSION.matcher(body);
        while (m.find()) {
            String target = accept(body, m.start(), m.group(1), m.group(2), knownBases);
            if (target == null) {
                continue;
            }
            mentions.add(target);
            String session = m.group(3);
            // fray records no fork session for @all
            if (session != null && !session.isEmpty() && !target.equals("all")) {
                forkSessions.put(target, session);
            }
        }
        Matcher im = INTERRUPT.matcher(body);
        while (im.find()) {
            // fray does not apply the preceding-letter rule to the interrupt form
            String name = im.group(2);
            if (!nameAccepted(name, knownBases)) {
                continue;
            }
            String target = scoped(name, im.group(3));
            if (!mentions.contains(target)) {
                mentions.add(target);
            }
            interrupts.put(target, new Interrupt(im.group(1).length() == 2, !im.group(4).isEmpty()));
        }
        return new Result(mentions, forkSessions, interrupts);
    }

    /**
     * fray's {@code ExpandAllMention}: if {@code all} is among the mentions, replace it by every known base and
     * de-duplicate the whole list (first occurrence wins). Without {@code all} the list is returned unchanged. fray
     * iterates a Go map (random order); here the bases come in the collection's iteration order.
     */
    public static List<String> expandAll(List<String> mentions, Collection<String> knownBases) {
        if (!mentions.contains("all")) {
            return mentions;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String m : mentions) {
            if (m.equals("all")) {
                result.addAll(knownBases);
            } else {
                result.add(m);
            }
        }
        return new ArrayList<>(result);
    }

    private static String accept(String body, int at, String name, String machine, Set<String> knownBases) {
        if (at > 0 && isLetterOrDigit(body.codePointBefore(at))) {
            return null;
        }
        if (!nameAccepted(name, knownBases)) {
            return null;
        }
        return scoped(name, machine);
    }

    private static boolean nameAccepted(String name, Set<String> knownBases) {
        if (name.equals("all") || name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
            return true;
        }
        if (knownBases != null) {
            return knownBases.contains(name);
        }
        return name.length() >= 3 && name.length() <= 15;
    }

    private static String scoped(String name, String machine) {
        return machine == null || name.equals("all") ? name : name + "@" + machine;
    }

    /** Go's {@code unicode.IsLetter || unicode.IsDigit} (Nd only, as Java's {@code isDigit}). */
    private static boolean isLetterOrDigit(int codePoint) {
        return Character.isLetter(codePoint) || Character.isDigit(codePoint);
    }
}
