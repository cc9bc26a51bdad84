package dev.fray.sdk.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The few parts of a pom.xml the build-consistency tests compare with the jbang include file (JDK DOM parser). */
final class PomFile {

    /** A {@code <dependency>} as written: version may be {@code null} (managed) or a {@code ${property}}. */
    record Dependency(String groupId, String artifactId, String version, String scope) {
        String key() {
            return groupId + ":" + artifactId;
        }

        /** Scopes that put the artifact on the runtime classpath of whoever uses the module. */
        boolean isRuntime() {
            return scope == null || scope.equals("compile") || scope.equals("runtime");
        }
    }

    private final Path file;
    private final Element project;

    private PomFile(Path file, Element project) {
        this.file = file;
        this.project = project;
    }

    static PomFile read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            Document doc = factory.newDocumentBuilder().parse(file.toFile());
            return new PomFile(file, doc.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The project's own {@code <version>}. */
    String version() {
        return childText(project, "version");
    }

    /** {@code <properties>}, in file order. */
    Map<String, String> properties() {
        Map<String, String> result = new LinkedHashMap<>();
        Element properties = child(project, "properties");
        if (properties != null) {
            for (Element p : children(properties)) {
                result.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        return result;
    }

    /** {@code <dependencies>} directly under {@code <project>}. */
    List<Dependency> dependencies() {
        return dependenciesIn(child(project, "dependencies"));
    }

    /** {@code <dependencyManagement><dependencies>}. */
    List<Dependency> managedDependencies() {
        Element management = child(project, "dependencyManagement");
        return dependenciesIn(management == null ? null : child(management, "dependencies"));
    }

    /** Replaces one whole-value {@code ${name}} by its property; other values are returned unchanged. */
    String resolve(String value) {
        if (value != null && value.startsWith("${") && value.endsWith("}")) {
            return properties().get(value.substring(2, value.length() - 1));
        }
        return value;
    }

    private static List<Dependency> dependenciesIn(Element dependencies) {
        List<Dependency> result = new ArrayList<>();
        if (dependencies != null) {
            for (Element d : children(dependencies)) {
                result.add(new Dependency(childText(d, "groupId"), childText(d, "artifactId"),
                        childText(d, "version"), childText(d, "scope")));
            }
        }
        return result;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }
}
