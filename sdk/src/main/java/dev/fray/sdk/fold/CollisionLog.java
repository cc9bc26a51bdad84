package dev.fray.sdk.fold;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.json.GoJson;
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
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("updated_at", updatedAt);
        ArrayNode list = root.putArray("collisions");
        for (GuidCollision c : collisions) {
            ObjectNode item = list.addObject();
            item.put("type", c.type());
            item.put("guid", c.guid());
            ArrayNode entries = item.putArray("entries");
            for (GuidCollision.Entry e : c.entries()) {
                entries.addObject().put("machine", e.machine()).put("ts", e.ts()).put("preview", e.preview());
            }
        }
        return new String(GoJson.pretty(root), StandardCharsets.UTF_8);
    }
}
