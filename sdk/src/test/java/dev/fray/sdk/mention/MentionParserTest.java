package dev.fray.sdk.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionParserTest {

    private static final Set<String> BASES = Set.of("opus", "adam", "designer", "dev", "pm");

    @Test
    void plainMentionsInOrderWithDuplicates() {
        assertEquals(List.of("opus", "designer", "opus"),
                MentionParser.extract("@opus and @designer, then @opus again", null));
    }

    @Test
    void emailAddressesAndWordCharactersBeforeTheAtAreNotMentions() {
        assertEquals(List.of(), MentionParser.extract("mail test@test.com or adam@example.org", null));
        assertEquals(List.of(), MentionParser.extract("x2@opus", null), "a digit before @ blocks it");
        assertEquals(List.of(), MentionParser.extract("é@opus", null), "a Unicode letter blocks it");
        assertEquals(List.of("opus"), MentionParser.extract("(@opus) ", null), "punctuation does not");
        assertEquals(List.of("opus", "adam"), MentionParser.extract("-@opus,@adam.", null));
    }

    @Test
    void uppercaseNeverMatchesAndNamesStopAtUppercase() {
        assertEquals(List.of(), MentionParser.extract("@Opus @ADAM", null));
        assertEquals(List.of("ada"), MentionParser.extract("@adaM", null), "the lowercase prefix still matches");
    }

    @Test
    void lengthRuleWithoutBasesAndBaseFilterWithThem() {
        assertEquals(List.of("abc", "abcdefghijklmno"),
                MentionParser.extract("@ab @abc @abcdefghijklmno @abcdefghijklmnop", null));
        assertEquals(List.of("opus", "pm"), MentionParser.extract("@opus @stranger @pm", BASES));
    }

    @Test
    void allDotsAndWorkerBracketsAreAlwaysAccepted() {
        assertEquals(List.of("all", "x.1", "ab[job1-2]", "pm.frontend[xyz9-3]"),
                MentionParser.extract("@all @x.1 @ab[job1-2] @pm.frontend[xyz9-3]", BASES));
        assertEquals(List.of("opus"), MentionParser.extract("@opus[job] trailing", BASES),
                "a bracket suffix without -N is not part of the name");
        assertEquals(List.of("opus"), MentionParser.extract("thanks @opus.", BASES), "the sentence period is not part");
        assertEquals(List.of("opus-2b"), MentionParser.extract("@opus-2b", null));
    }

    @Test
    void machineScopedMentionsAreCaptured() {
        assertEquals(List.of("opus@server", "opus@all", "dev@my-host.local", "pm@Box_1"),
                MentionParser.extract("@opus@server @opus@all, @dev@my-host.local. (@pm@Box_1)", BASES));
        assertEquals(List.of("opus@server"), MentionParser.extract("ping @opus@server.", BASES));
        assertEquals(List.of("opus", "opus"), MentionParser.extract("@opus@-x @opus@", BASES));
        assertEquals(List.of(), MentionParser.extract("@nobody@server", BASES), "the agent must still be accepted");
        assertEquals(List.of("all"), MentionParser.extract("@all@server", BASES), "everyone has no machine scope");
    }

    @Test
    void forkSessionsAndInterrupts() {
        MentionParser.Result r = MentionParser.extractWithSessions(
                "@opus#abc12 @dev@server#Z9 @all#x !@pm !!@adam! hi", BASES);
        assertEquals(List.of("opus", "dev@server", "all", "pm", "adam"), r.mentions());
        assertEquals(Map.of("opus", "abc12", "dev@server", "Z9"), r.forkSessions());
        assertEquals(Map.of("pm", new MentionParser.Interrupt(false, false),
                "adam", new MentionParser.Interrupt(true, true)), r.interrupts());
    }

    @Test
    void interruptAddsAMentionOnlyWhenMissingAndIgnoresThePrecedingLetterRule() {
        MentionParser.Result r = MentionParser.extractWithSessions("x!@opus! and @opus", BASES);
        assertEquals(List.of("opus", "opus"), r.mentions(), "the plain pass already found both");
        MentionParser.Result r2 = MentionParser.extractWithSessions("stop a!@opus", BASES);
        assertEquals(List.of("opus"), r2.mentions());
        assertEquals(Map.of("opus", new MentionParser.Interrupt(false, false)), r2.interrupts());
        MentionParser.Result r3 = MentionParser.extractWithSessions("!@stranger", BASES);
        assertEquals(List.of(), r3.mentions());
        assertEquals(Map.of(), r3.interrupts());
    }

    @Test
    void expandAllReplacesAllByEveryBaseAndDedupes() {
        Set<String> bases = new LinkedHashSet<>(List.of("adam", "opus", "pm"));
        assertEquals(List.of("opus", "adam", "pm"), MentionParser.expandAll(List.of("opus", "all", "opus"), bases));
        List<String> noAll = List.of("opus", "opus");
        assertEquals(noAll, MentionParser.expandAll(noAll, bases), "without all the list is untouched, duplicates too");
    }
}
