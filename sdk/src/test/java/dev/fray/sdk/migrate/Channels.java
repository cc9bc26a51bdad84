package dev.fray.sdk.migrate;

import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test channels (copies of the real fixture) and whole-tree snapshots to compare them byte for byte. */
final class Channels {

    static final Path FIXTURE = dev.fray.sdk.testing.Fixtures.v1ChannelFrayDir();

    private Channels() {
    }

    /** A writable copy of the real v1 fixture in {@code root}/.fray (new files: the fixture's are read-only). */
    static ChannelPaths fixtureCopy(Path root) throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(root);
        Files.createDirectories(paths.frayDir());
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.write(paths.frayDir().resolve(f.getFileName().toString()), Files.readAllBytes(f));
            }
        }
        return paths;
    }

    /**
     * Every file (bytes) and directory (marker) under {@code .fray/} by relative path. {@code created_at} of
     * {@code local/machine-id} is blanked: it is the wall clock of the run.
     */
    static Map<String, String> snapshot(ChannelPaths paths) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(paths.frayDir())) {
            for (Path p : all.toList()) {
                String rel = paths.frayDir().relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.put(rel + "/", "<dir>");
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                String content = new String(bytes, StandardCharsets.ISO_8859_1); // 1:1 bytes
                if (p.equals(paths.machineIdFile())) {
                    content = content.replaceAll("\"created_at\":\\d+", "\"created_at\":0");
                }
                out.put(rel, content);
            }
        }
        return out;
    }

    /** A compact description of where two snapshots differ, for assertion messages. */
    static String diff(Map<String, String> expected, Map<String, String> actual) {
        StringBuilder sb = new StringBuilder();
        TreeMap<String, String> keys = new TreeMap<>(expected);
        keys.putAll(actual);
        for (String k : keys.keySet()) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (e == null) {
                sb.append("\n  unexpected ").append(k);
            } else if (a == null) {
                sb.append("\n  missing ").append(k);
            } else if (!e.equals(a)) {
                sb.append("\n  differs ").append(k).append(" (").append(e.length()).append(" vs ").append(a.length())
                        .append(" bytes)");
            }
        }
        return sb.toString();
    }

    static byte[] concat(byte[]... parts) {
        return Arrays.stream(parts).reduce(new byte[0], (a, b) -> {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        });
    }
}
