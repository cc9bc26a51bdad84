package dev.fray.sdk.build;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;

/** Which version of an artifact Maven put on the test classpath. */
final class ClasspathVersions {

    private ClasspathVersions() {
    }

    /**
     * From the artifact's {@code META-INF/maven/<g>/<a>/pom.properties}; for jars built without one (JNA, picocli),
     * from the local-repository path of the jar on {@code java.class.path} ({@code .../<g path>/<a>/<v>/<a>-<v>.jar}).
     */
    static Optional<String> of(String groupId, String artifactId) {
        Optional<String> fromPomProperties = fromPomProperties(groupId, artifactId);
        return fromPomProperties.isPresent() ? fromPomProperties : fromJarPath(groupId, artifactId);
    }

    private static Optional<String> fromPomProperties(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try {
            Enumeration<URL> urls = ClasspathVersions.class.getClassLoader().getResources(resource);
            if (!urls.hasMoreElements()) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (InputStream in = urls.nextElement().openStream()) {
                properties.load(in);
            }
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
        }
    }

    private static Optional<String> fromJarPath(String groupId, String artifactId) {
        String artifactDir = "/" + groupId.replace('.', '/') + "/" + artifactId + "/";
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace(File.separatorChar, '/');
            int at = path.lastIndexOf(artifactDir);
            if (at < 0) {
                continue;
            }
            String[] rest = path.substring(at + artifactDir.length()).split("/");
            // rest = [version, artifactId-version.jar]
            if (rest.length == 2 && rest[1].equals(artifactId + "-" + rest[0] + ".jar")) {
                return Optional.of(rest[0]);
            }
        }
        return Optional.empty();
    }
}
