package dev.fray.sdk.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MentionEncoderTest {

    private static final Map<String, String> ALIASES = Map.of("old-box", "server", "dead", "");

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
            "'',           laptop, ''",
            "all,          laptop, all",
            "opus,         laptop, opus@laptop",
            "opus,         '',     opus",
            "opus,         NULL,   opus",
            "opus@all,     laptop, opus@all",
            "opus@server,  laptop, opus@server",
            "opus@old-box, laptop, opus@server",
            "opus@dead,    laptop, opus@dead",
            "opus@,        laptop, opus@@laptop",
            "@server,      laptop, @server@laptop",
            "a@b@old-box,  laptop, a@b@server",
            "dev[ab1-0],   laptop, dev[ab1-0]@laptop",
            "pm.1,         laptop, pm.1@laptop",
    })
    void encodesLikeFray(String mention, String local, String expected) {
        assertEquals(expected, MentionEncoder.encode(mention, local, ALIASES));
    }

    @Test
    void noAliasMapIsFine() {
        assertEquals("opus@old-box", MentionEncoder.encode("opus@old-box", "laptop", null));
    }

    @Test
    void listsAndForkSessionKeys() {
        assertEquals(List.of("opus@laptop", "all", "dev@server"),
                MentionEncoder.encodeAll(List.of("opus", "all", "dev@old-box"), "laptop", ALIASES));
        Map<String, String> fork = new LinkedHashMap<>();
        fork.put("opus", "abc");
        fork.put("dev@old-box", "z9");
        assertEquals(Map.of("opus@laptop", "abc", "dev@server", "z9"),
                MentionEncoder.encodeForkSessions(fork, "laptop", ALIASES));
        assertNull(MentionEncoder.encodeAll(null, "laptop", ALIASES));
        assertNull(MentionEncoder.encodeForkSessions(null, "laptop", ALIASES));
    }
}
