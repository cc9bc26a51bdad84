package dev.fray.sdk.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionRoutingRuleTest {

    // laptop was renamed to desk; old-server was retired; desk is this machine
    private final MentionRoutingRule alice = new MentionRoutingRule("alice", "desk",
            Map.of("laptop", "desk", "old-server", "", "a", "b", "b", "a"));

    @Test
    void storedFormsAddressingAliceOnDesk() {
        List<String> yes = List.of("all", "alice", "alice.frontend", "alice@desk", "alice@all", "alice@laptop",
                "alice.frontend@desk", "all@desk", "all@all");
        for (String m : yes) {
            assertEquals(true, alice.addresses(m), m);
        }
    }

    @Test
    void storedFormsNotAddressingAliceOnDesk() {
        List<String> no = List.of("", "bob", "alicex", "alice2", "Alice", "ali", "alice@server", "alice@old-server",
                "alice@a", "bob@desk",
                // an empty machine part means "no machine": the whole value is the agent part, which is not alice
                "alice@", "bob@all", "all@server", "alicex@desk", "alice@Desk");
        for (String m : no) {
            assertEquals(false, alice.addresses(m), m);
        }
    }

    @Test
    void withoutALocalMachineOnlyUnscopedAndAllMachineFormsMatch() {
        MentionRoutingRule v1 = new MentionRoutingRule("alice", null, Map.of());
        assertEquals(List.of(true, true, true, false), List.of(v1.addresses("alice"), v1.addresses("alice@all"),
                v1.addresses("all"), v1.addresses("alice@laptop")));
    }

    @Test
    void aliasChainsAreFollowed() {
        MentionRoutingRule r = new MentionRoutingRule("alice", "c", Map.of("a", "b", "b", "c"));
        assertEquals(true, r.addresses("alice@a"));
    }
}
