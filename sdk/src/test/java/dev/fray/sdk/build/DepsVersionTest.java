package dev.fray.sdk.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jbang scripts get their dependencies from the {@code //DEPS} lines of {@code scripts/lib/FraySdk.java}, Maven from
 * the root pom. Nothing but this test keeps the two in step, so each test lists every problem it finds.
 */
class DepsVersionTest {

    /** Modules whose main sources the include file compiles in through //SOURCES. */
    private static final List<String> INCLUDED_MODULES = List.of("spi", "sdk");
    /** fray-jvm's own modules reach scripts as sources, not as //DEPS. */
    private static final String OWN_GROUP = "dev.fray.jvm";

    private static Path root;
    private static IncludeFile include;
    private static PomFile rootPom;

    @BeforeAll
    static void readFiles() {
        root = RepoRoot.find();
        include = IncludeFile.read(root.resolve(RepoRoot.INCLUDE_FILE));
        rootPom = PomFile.read(root.resolve("pom.xml"));
    }

    @Test
    void everyDepsVersionEqualsTheRootPomAndTheTestClasspath() {
        List<IncludeFile.Directive> deps = include.all("DEPS");
        assertFalse(deps.isEmpty(), "no //DEPS lines in " + include.file());
        Map<String, PomFile.Dependency> managed = rootPom.managedDependencies().stream()
                .collect(Collectors.toMap(PomFile.Dependency::key, Function.identity()));
        Set<String> moduleDependencies = includedModuleRuntimeDependencies().keySet();

        List<String> problems = new ArrayList<>();
        for (IncludeFile.Directive d : deps) {
            String[] gav = d.value().split(":");
            if (gav.length != 3) {
                problems.add(include.where(d) + ": expected //DEPS group:artifact:version, got '" + d.value() + "'");
                continue;
            }
            String key = gav[0] + ":" + gav[1];
            String version = gav[2];

            PomFile.Dependency pomEntry = managed.get(key);
            if (pomEntry == null) {
                problems.add(include.where(d) + ": " + key + " is not in the root pom's <dependencyManagement>");
            } else {
                String pomVersion = rootPom.resolve(pomEntry.version());
                if (!version.equals(pomVersion)) {
                    problems.add(include.where(d) + ": " + key + ":" + version + " but the root pom says "
                            + pomEntry.version() + " = " + pomVersion);
                }
            }

            Optional<String> onClasspath = ClasspathVersions.of(gav[0], gav[1]);
            if (onClasspath.isPresent() && !onClasspath.get().equals(version)) {
                problems.add(include.where(d) + ": " + key + ":" + version + " but Maven resolved "
                        + onClasspath.get() + " for the sdk tests");
            } else if (onClasspath.isEmpty() && moduleDependencies.contains(key)) {
                problems.add(include.where(d) + ": " + key + " is an spi/sdk dependency but was not found on the"
                        + " test classpath (no pom.properties, no local-repository jar)");
            }
        }
        assertTrue(problems.isEmpty(), () -> "//DEPS out of step with Maven:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyRuntimeDependencyOfSpiAndSdkHasADepsLine() {
        Set<String> depsKeys = include.all("DEPS").stream()
                .map(d -> d.value().split(":"))
                .filter(gav -> gav.length >= 2)
                .map(gav -> gav[0] + ":" + gav[1])
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        includedModuleRuntimeDependencies().forEach((key, pom) -> {
            if (!depsKeys.contains(key)) {
                problems.add(pom + " depends on " + key + " but " + include.file() + " has no //DEPS line for it");
            }
        });
        assertTrue(problems.isEmpty(), () -> "missing //DEPS lines:\n  " + String.join("\n  ", problems));
    }

    @Test
    void sourceAndFileGlobsPointAtExistingDirectoriesAndResourcesAreMounted() throws IOException {
        Path includeDir = include.file().getParent();
        List<String> problems = new ArrayList<>();
        for (String name : List.of("SOURCES", "FILES")) {
            for (IncludeFile.Directive d : include.all(name)) {
                // "//FILES target=source" mounts source at target; only the source is a path here.
                String path = d.value().contains("=") ? d.value().substring(d.value().indexOf('=') + 1) : d.value();
                Path base = includeDir.resolve(globBase(path)).normalize();
                if (!Files.exists(base)) {
                    // jbang stops with NoSuchFileException on a glob over a missing directory.
                    problems.add(include.where(d) + ": " + base + " does not exist");
                }
            }
        }
        for (String module : INCLUDED_MODULES) {
            Path resources = root.resolve(module).resolve("src/main/resources");
            boolean mounted = include.all("FILES").stream()
                    .anyMatch(d -> d.value().contains("../../" + module + "/src/main/resources"));
            if (hasFiles(resources) && !mounted) {
                // Without //FILES the classes compile but META-INF/services etc. are missing at run time.
                problems.add(resources + " has files but " + include.file()
                        + " has no //FILES ../../" + module + "/src/main/resources/**");
            }
        }
        assertTrue(problems.isEmpty(), () -> "include file paths:\n  " + String.join("\n  ", problems));
    }

    /** key "group:artifact" → the pom.xml declaring it, for runtime-scoped third-party deps of spi and sdk. */
    private static Map<String, Path> includedModuleRuntimeDependencies() {
        return INCLUDED_MODULES.stream()
                .map(module -> PomFile.read(root.resolve(module).resolve("pom.xml")))
                .flatMap(pom -> pom.dependencies().stream()
                        .filter(PomFile.Dependency::isRuntime)
                        .filter(dep -> !dep.groupId().equals(OWN_GROUP))
                        .map(dep -> Map.entry(dep.key(), pom.file())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** The leading path segments of a glob up to (not including) the first segment with a glob character. */
    private static String globBase(String glob) {
        StringBuilder base = new StringBuilder();
        for (String segment : glob.split("/")) {
            if (segment.matches(".*[*?\\[{].*")) {
                break;
            }
            base.append(segment).append('/');
        }
        return base.length() == 0 ? "." : base.toString();
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }
}
