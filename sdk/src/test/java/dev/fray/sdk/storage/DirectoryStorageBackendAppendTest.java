package dev.fray.sdk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.LogAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStorageBackendAppendTest {

    @TempDir
    Path root;

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unscopedLogsAppendWithoutALedgerAndMachineLogsWithOne() throws Exception {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        DirectoryStorageBackend backend = new DirectoryStorageBackend(paths);
        backend.append(LogAddress.unscoped("runtime.jsonl"), utf8("{\"type\":\"agent\"}\n"));
        backend.append(LogAddress.unscoped("permissions.jsonl"), utf8("{\"type\":\"permission_request\"}\n"));
        assertEquals("{\"type\":\"agent\"}\n", Files.readString(paths.runtimeLog()));
        assertTrue(Files.exists(paths.frayDir().resolve("permissions.jsonl")));
        backend.append(LogAddress.shared("laptop", "messages.jsonl"), utf8("{\"type\":\"message\"}\n"));
        assertTrue(Files.exists(paths.integrityLedger("laptop")));
        assertFalse(Files.exists(paths.localDir().resolve("integrity.json")));
        assertEquals(1, backend.machines().size());
    }

    @Test
    void rejectsAddressesThatWouldEscapeTheChannel() {
        DirectoryStorageBackend backend = new DirectoryStorageBackend(ChannelPaths.ofProjectRoot(root));
        assertThrows(IllegalArgumentException.class,
                () -> backend.append(LogAddress.shared("..", "messages.jsonl"), utf8("{}\n")));
        assertThrows(IllegalArgumentException.class,
                () -> backend.append(LogAddress.unscoped("../x.jsonl"), utf8("{}\n")));
        assertThrows(IllegalArgumentException.class,
                () -> backend.append(LogAddress.shared("laptop", "messages.jsonl"), utf8("{} no newline")));
    }
}
