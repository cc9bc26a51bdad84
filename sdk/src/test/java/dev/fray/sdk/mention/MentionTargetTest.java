package dev.fray.sdk.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionTargetTest {

    /** laptop was renamed to "lap2"; "dead" is retired. */
    private static final Map<String, String> ALIASES = Map.of("laptop", "lap2", "dead", "");

    @Test
    void parsesEveryStoredForm() {
        assertEquals(new MentionTarget(null, null, true), MentionTarget.parse("all"));
        assertEquals(new MentionTarget("opus", null, true), MentionTarget.parse("opus@all"));
        assertEquals(new MentionTarget("opus", "laptop", false), MentionTarget.parse("opus@laptop"));
        assertEquals(new MentionTarget("opus", null, false), MentionTarget.parse("opus"));
        assertEquals(new MentionTarget(null, "laptop", false), MentionTarget.parse("all@laptop"));
        assertEquals(new MentionTarget("opus@", null, false), MentionTarget.parse("opus@"));
        assertEquals(new MentionTarget("a@b", "m", false), MentionTarget.parse("a@b@m"), "split at the last @");
        assertTrue(MentionTarget.parse("opus").isLegacy());
        assertFalse(MentionTarget.parse("opus@all").isLegacy());
        assertFalse(MentionTarget.parse("all").isLegacy());
    }

    @ParameterizedTest(name = "{0} addresses {1} on {2}: {3}")
    @CsvSource({
            // stored all: everyone everywhere
            "all,               opus,       laptop, true",
            "all,               anyone.1,   server, true",
            // legacy plain, any machine; like fray's mention query (value = agent OR value LIKE 'agent.%') an agent
            // also gets the mentions of its dot-children, not the other way round
            "opus,              opus,       server, true",
            "opus,              opus.1,     server, false",
            "opus,              opus.1.sub, server, false",
            "opus,              opusx,      server, false",
            "opus,              opus[ab-1], server, false",
            "opus,              adam,       server, false",
            "opus.1,            opus,       server, true",
            "opus.1.sub,        opus.1,     server, true",
            // agent@all: every machine
            "opus@all,          opus,       server, true",
            "opus@all,          opus.2,     laptop, false",
            "opus.2@all,        opus,       laptop, true",
            "all@all,           adam,       laptop, true",
            "opus@all,          adam,       laptop, false",
            // agent@machine: only that machine
            "opus@server,       opus,       server, true",
            "opus@server,       opus.1,     server, false",
            "opus.1@server,     opus,       server, true",
            "opus@server,       opus,       laptop, false",
            "opus@server,       adam,       server, false",
            // aliases on both sides: laptop was renamed lap2
            "opus@laptop,       opus,       lap2,   true",
            "opus@lap2,         opus,       laptop, true",
            "opus@laptop,       opus,       laptop, true",
            // retired machine keeps its own id
            "opus@dead,         opus,       dead,   true",
            "opus@dead,         opus,       server, false",
            // workers are addressed by their full name
            "dev[ab1-0]@server, dev[ab1-0], server, true",
            "dev[ab1-0]@server, dev,        server, false",
            // everyone on one machine
            "all@server,        adam,       server, true",
            "all@server,        adam,       laptop, false",
    })
    void addresses(String stored, String agent, String local, boolean expected) {
        assertEquals(expected, MentionTarget.parse(stored).addresses(agent, local, ALIASES));
    }

    @Test
    void worksWithoutAliases() {
        assertTrue(MentionTarget.parse("opus@laptop").addresses("opus", "laptop", null));
        assertFalse(MentionTarget.parse("opus@laptop").addresses("opus", "lap2", null));
    }

    @Test
    void roundTripsWithTheEncoder() {
        String stored = MentionEncoder.encode("opus", "laptop", ALIASES);
        assertTrue(MentionTarget.parse(stored).addresses("opus", "laptop", ALIASES));
        assertFalse(MentionTarget.parse(stored).addresses("opus", "server", ALIASES));
    }
}
