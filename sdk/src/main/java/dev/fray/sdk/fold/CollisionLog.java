package dev.fray.sdk.fold;

import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes {@code local/collisions.json} in fray's format (reference §1.7): pretty JSON with two-space indent,
 * {@code {"updated_at": <s>, "collisions": [{"type", "guid", "entries": [{"machine", "ts", "preview"}]}]}}.
 * Written (atomically, via a temporary file) when there are collisions; deleted when there are none.
 */
public final class CollisionLog {

    private CollisionLog() {
    }

    public static void write(ChannelPaths paths, List<GuidCollision> collisions, long updatedAtSeconds)
            throws IOException {
        Path file = paths.collisionsFile();
        if (collisions.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, render(collisions, updatedAtSeconds), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String render(List<GuidCollision> collisions, long updatedAt) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"updated_at\": ").append(updatedAt).append(",\n  \"collisions\": [\n");
        for (int i = 0; i < collisions.size(); i++) {
            GuidCollision c = collisions.get(i);
            sb.append("    {\n      \"type\": ").append(JsonText.write(c.type()))
                    .append(",\n      \"guid\": ").append(JsonText.write(c.guid()))
                    .append(",\n      \"entries\": [\n");
            for (int j = 0; j < c.entries().size(); j++) {
                GuidCollision.Entry e = c.entries().get(j);
                sb.append("        {\n          \"machine\": ").append(JsonText.write(e.machine()))
                        .append(",\n          \"ts\": ").append(e.ts())
                        .append(",\n          \"preview\": ").append(JsonText.write(e.preview()))
                        .append("\n        }").append(j + 1 < c.entries().size() ? "," : "").append('\n');
            }
            sb.append("      ]\n    }").append(i + 1 < collisions.size() ? "," : "").append('\n');
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }
}
