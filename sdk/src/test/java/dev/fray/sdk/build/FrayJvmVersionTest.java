package dev.fray.sdk.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fray.sdk.FrayJvmVersion;
import org.junit.jupiter.api.Test;

/** The version constant scripts print must follow the root pom's version. */
class FrayJvmVersionTest {

    @Test
    void constantEqualsTheRootPomVersion() {
        PomFile rootPom = PomFile.read(RepoRoot.find().resolve("pom.xml"));
        assertEquals(rootPom.version(), FrayJvmVersion.VERSION,
                "FrayJvmVersion.VERSION must equal <version> of " + rootPom.file());
    }
}
