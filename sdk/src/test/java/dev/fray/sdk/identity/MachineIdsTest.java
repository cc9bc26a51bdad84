package dev.fray.sdk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MachineIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"laptop", "build-server-2", "Mac Studio", "müller", "a", "x.y"})
    void acceptsOrdinaryIds(String id) {
        assertEquals(id, MachineIds.validate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", " lead", "trail ", "tab\there", "nul\0x", "bell\u0007",
        "del\u007f"})
    void rejectsUnsafeIdsSayingWhatIsAllowed(String id) {
        InvalidMachineIdException e = assertThrows(InvalidMachineIdException.class, () -> MachineIds.validate(id));
        assertTrue(e.getMessage().contains("a machine id is 1 to 64 characters"), e.getMessage());
    }

    @Test
    void limitsLength() {
        assertEquals("x".repeat(64), MachineIds.validate("x".repeat(64)));
        assertThrows(InvalidMachineIdException.class, () -> MachineIds.validate("x".repeat(65)));
        assertThrows(InvalidMachineIdException.class, () -> MachineIds.validate(null));
    }

    @Test
    void sanitizesHostNamesIntoValidDefaults() {
        assertEquals("laptop", MachineIds.sanitize("Laptop.local"));
        assertEquals("my-box", MachineIds.sanitize(" my box "));
        assertEquals("machine", MachineIds.sanitize(""));
        assertEquals("machine", MachineIds.sanitize(null));
        assertEquals("machine", MachineIds.sanitize("///"));
        assertEquals(64, MachineIds.sanitize("h".repeat(100)).length());
        assertTrue(MachineIds.isValid(MachineIds.proposeDefault()));
    }
}
