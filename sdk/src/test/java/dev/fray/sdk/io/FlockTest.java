package dev.fray.sdk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** flock(2) interoperability with the util-linux {@code flock} command, which uses the same lock as fray. */
class FlockTest {

    @TempDir
    Path dir;

    private static boolean flockCommandAvailable() {
        try {
            Process which = new ProcessBuilder("sh", "-c", "command -v flock").start();
            return which.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void locksAreRealFlockOnLinuxAndMac() {
        assertTrue(Flock.isNative(), "JNA flock must bind on Linux/macOS");
    }

    @Test
    void twoHandlesInOneProcessExcludeEachOther() throws Exception {
        Path file = Files.createFile(dir.resolve("a.jsonl"));
        try (FlockHandle held = Flock.exclusive(file)) {
            assertTrue(Flock.tryExclusive(file).isEmpty(), "second lock in the same process must be refused");
        }
        Optional<FlockHandle> again = Flock.tryExclusive(file);
        assertTrue(again.isPresent(), "lock must be free after close");
        again.get().close();
    }

    @Test
    void exclusiveCreatingCreatesTheFile() throws Exception {
        Path file = dir.resolve("new.lock");
        try (FlockHandle held = Flock.exclusiveCreating(file)) {
            assertTrue(Files.exists(file));
            assertEquals(file, held.path());
        }
    }

    @Test
    void appendWaitsForAFlockHeldByAnotherProcess() throws Exception {
        assumeTrue(flockCommandAvailable(), "util-linux flock command not installed");
        Path log = dir.resolve("messages.jsonl");
        Files.writeString(log, "{\"n\":0}\n");
        Process holder = new ProcessBuilder("flock", "-x", log.toString(), "-c", "echo locked; sleep 1")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine(), "the flock command must report it holds the lock");
            long start = System.nanoTime();
            LogAppender.appendRecord(log, "{\"n\":1}\n".getBytes(StandardCharsets.UTF_8));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waitedMillis >= 500, "append must block while the other process holds flock, waited "
                    + waitedMillis + " ms");
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            assertFalse(holder.isAlive());
        } finally {
            holder.destroy();
        }
        assertEquals("{\"n\":0}\n{\"n\":1}\n", Files.readString(log));
    }

    @Test
    void anotherProcessCannotFlockWhileTheSdkHoldsTheLock() throws Exception {
        assumeTrue(flockCommandAvailable(), "util-linux flock command not installed");
        Path log = Files.createFile(dir.resolve("threads.jsonl"));
        try (FlockHandle held = Flock.exclusive(log)) {
            Process attempt = new ProcessBuilder("flock", "-n", "-x", log.toString(), "-c", "true").start();
            assertTrue(attempt.waitFor(10, TimeUnit.SECONDS));
            assertEquals(1, attempt.exitValue(), "flock -n must fail while the SDK holds the lock");
        }
        Process after = new ProcessBuilder("flock", "-n", "-x", log.toString(), "-c", "true").start();
        assertTrue(after.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, after.exitValue(), "flock -n must succeed once the SDK released the lock");
    }
}
