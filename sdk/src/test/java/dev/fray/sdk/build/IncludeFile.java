package dev.fray.sdk.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The jbang directives of {@code scripts/lib/FraySdk.java}: lines that start with {@code //NAME }. */
final class IncludeFile {

    /** One directive, e.g. {@code //DEPS g:a:v} → name {@code DEPS}, value {@code g:a:v}, at 1-based {@code line}. */
    record Directive(String name, String value, int line) {
    }

    private final Path file;
    private final List<Directive> directives;

    private IncludeFile(Path file, List<Directive> directives) {
        this.file = file;
        this.directives = directives;
    }

    static IncludeFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Directive> directives = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // jbang's directive syntax: "//" immediately followed by an upper-case name and a space.
            if (line.matches("//[A-Z_]+ .*")) {
                int space = line.indexOf(' ');
                directives.add(new Directive(line.substring(2, space), line.substring(space + 1).trim(), i + 1));
            }
        }
        return new IncludeFile(file, List.copyOf(directives));
    }

    Path file() {
        return file;
    }

    List<Directive> all(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }

    String where(Directive d) {
        return file + ":" + d.line();
    }
}
