package dev.fray.sdk.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.StorageVersions;
import dev.fray.sdk.model.StorageVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts a migration of the real fixture at every step boundary, once by a crash (no clean-up runs) and once by
 * a failure (an I/O error), and checks what the next run makes of it: always the channel an uninterrupted
 * migration produces, byte for byte (except {@code created_at} of {@code local/machine-id}); and after a failure
 * before the commit point, the untouched v1 channel.
 */
class InterruptedMigrationTest {

    record Boundary(MigrationStep step, String detail) {
        @Override
        public String toString() {
            return step + (detail.isEmpty() ? "" : "(" + detail + ")");
        }
    }

    @TempDir
    static Path shared;

    static Map<String, String> v1;
    static Map<String, String> migrated;
    static List<Boundary> boundaries;

    @BeforeAll
    static void uninterruptedReference() throws IOException {
        ChannelPaths paths = Channels.fixtureCopy(shared.resolve("reference"));
        v1 = Channels.snapshot(paths);
        List<Boundary> seen = new ArrayList<>();
        new V1ToV2Migration(paths, (step, detail) -> seen.add(new Boundary(step, detail)), Clock.systemUTC())
                .migrate("laptop");
        migrated = Channels.snapshot(paths);
        boundaries = List.copyOf(seen);
        // Every step is reported, the per-file ones once per file of the fixture.
        assertEquals(MigrationStep.values().length + 2 + 3, boundaries.size(), boundaries.toString());
    }

    @TestFactory
    List<DynamicTest> crashAtEveryBoundaryThenRerun(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            int at = i;
            Boundary b = boundaries.get(i);
            tests.add(DynamicTest.dynamicTest("crash after " + b, () -> {
                ChannelPaths paths = Channels.fixtureCopy(dir.resolve("crash-" + at));
                assertThrows(SimulatedCrash.class, () -> interruptedAt(paths, at, true).migrate("laptop"));
                assertEquals(b.step().isCommitted(), Files.exists(paths.v2Sentinel()));

                if (b.step() == MigrationStep.JOURNAL_REMOVED) {
                    // Nothing was left to do: the re-run finds a complete migration.
                    assertThrows(AlreadyMigratedException.class, () -> V1ToV2Migration.migrate(paths, "laptop"));
                } else {
                    MigrationResult rerun = V1ToV2Migration.migrate(paths, "laptop");
                    assertEquals(b.step().isCommitted(), rerun.resumed());
                    assertEquals(!b.step().isCommitted(), rerun.undidInterruptedAttempt());
                }
                assertSame(migrated, Channels.snapshot(paths));
                assertEquals(StorageVersion.V2, StorageVersions.detectForOpen(paths));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> failAtEveryBoundary(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            int at = i;
            Boundary b = boundaries.get(i);
            tests.add(DynamicTest.dynamicTest("failure after " + b, () -> {
                ChannelPaths paths = Channels.fixtureCopy(dir.resolve("fail-" + at));
                IOException failure = assertThrows(IOException.class,
                        () -> interruptedAt(paths, at, false).migrate("laptop"));
                if (!b.step().isCommitted()) {
                    assertEquals("injected", failure.getMessage());
                    assertSame(v1, Channels.snapshot(paths)); // undone at once: the v1 channel as it was
                    assertEquals(StorageVersion.V1, StorageVersions.detectForOpen(paths));
                    V1ToV2Migration.migrate(paths, "laptop");
                } else {
                    assertInstanceOf(MigrationIncompleteException.class, failure);
                    assertTrue(failure.getMessage().contains("resume"), failure.getMessage());
                    V1ToV2Migration.resume(paths);
                }
                assertSame(migrated, Channels.snapshot(paths));
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> crashThenRerunWithAnotherId(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < boundaries.size() && !boundaries.get(i).step().isCommitted(); i++) {
            int at = i;
            tests.add(DynamicTest.dynamicTest("crash after " + boundaries.get(i) + ", then id 'desk'", () -> {
                ChannelPaths paths = Channels.fixtureCopy(dir.resolve("other-" + at));
                assertThrows(SimulatedCrash.class, () -> interruptedAt(paths, at, true).migrate("laptop"));
                V1ToV2Migration.migrate(paths, "desk");
                assertFalse(Files.exists(paths.machineDir("laptop")), "the crashed attempt's machine is gone");
                assertTrue(Files.isDirectory(paths.machineDir("desk")));
            }));
        }
        return tests;
    }

    /** A migration whose listener crashes (an Error) or fails (an IOException) at boundary number {@code at}. */
    private static V1ToV2Migration interruptedAt(ChannelPaths paths, int at, boolean crash) {
        AtomicInteger count = new AtomicInteger();
        return new V1ToV2Migration(paths, (step, detail) -> {
            if (count.getAndIncrement() == at) {
                if (crash) {
                    throw new SimulatedCrash(step, detail);
                }
                throw new IOException("injected");
            }
        }, Clock.systemUTC());
    }

    private static void assertSame(Map<String, String> expected, Map<String, String> actual) {
        assertTrue(expected.equals(actual), "channel differs:" + Channels.diff(expected, actual));
    }
}
