package dev.fray.sdk.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLocatorTest {

    @TempDir
    Path root;

    @Test
    void findsTheNearestAncestorWithAFrayDirectory() throws Exception {
        Path outer = root.resolve("outer");
        Path inner = outer.resolve("a/inner");
        Files.createDirectories(outer.resolve(".fray"));
        Files.createDirectories(inner.resolve(".fray"));
        Path deep = Files.createDirectories(inner.resolve("src/main"));
        assertEquals(inner.toAbsolutePath(), ProjectLocator.locate(deep).projectRoot());
        assertEquals(inner.toAbsolutePath(), ProjectLocator.locate(inner).projectRoot());
        assertEquals(outer.toAbsolutePath(), ProjectLocator.locate(outer.resolve("a")).projectRoot());
    }

    @Test
    void aFileNamedFrayDoesNotCount() throws Exception {
        Path project = Files.createDirectories(root.resolve("p"));
        Files.writeString(project.resolve(".fray"), "not a dir");
        // The temp dir's ancestors could contain a .fray/ on some machine; only assert when they do not.
        ProjectNotFoundException e = null;
        try {
            ChannelPaths found = ProjectLocator.locate(project);
            assertTrue(!found.projectRoot().startsWith(project), "a file must not be taken for .fray/");
        } catch (ProjectNotFoundException notFound) {
            e = notFound;
        }
        if (e != null) {
            assertTrue(e.getMessage().contains(project.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(".fray/"), e.getMessage());
        }
    }

    @Test
    void noProjectIsAClearError() {
        ProjectNotFoundException e = assertThrows(ProjectNotFoundException.class,
                () -> ProjectLocator.locate(Path.of("/")));
        assertTrue(e.getMessage().contains("no fray project found"), e.getMessage());
    }
}
