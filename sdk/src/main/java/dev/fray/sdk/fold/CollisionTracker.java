package dev.fray.sdk.fold;

import dev.fray.spi.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches the {@code message}/{@code thread}/{@code question} records of one v2 entity and reports a GUID collision
 * when they come from two or more machine directories (reference §7.5). Per machine it keeps the first occurrence
 * in that machine's file (lowest line index), with its merge timestamp and preview.
 */
final class CollisionTracker {

    private final String type;
    private final String guid;
    /** Per machine, its first occurrence: line index, merge ts, and the record (previewed only for a collision). */
    private final Map<String, Object[]> firstByMachine = new TreeMap<>(Utf8Order::compare);

    CollisionTracker(String type, String guid) {
        this.type = type;
        this.guid = guid;
    }

    void record(FoldEvent e) {
        if (e.machine() == null) {
            return;
        }
        Object[] seen = firstByMachine.get(e.machine());
        if (seen == null || (int) seen[0] > e.lineIndex()) {
            firstByMachine.put(e.machine(), new Object[] {e.lineIndex(), e.mergeTs(), e.fields()});
        }
    }

    @SuppressWarnings("unchecked")
    void finish(FoldContext out) {
        if (firstByMachine.size() < 2) {
            return; // the common case: no collision, so no preview is ever built
        }
        List<GuidCollision.Entry> entries = new ArrayList<>();
        firstByMachine.forEach((machine, v) -> entries.add(new GuidCollision.Entry(machine, (long) v[1],
                preview((Map<String, Object>) v[2]))));
        out.collisions.add(new GuidCollision(type, guid, List.copyOf(entries)));
    }

    private String preview(Map<String, Object> f) {
        String text = switch (type) {
            case "message" -> Fields.strOrEmpty(f, "from_agent") + ": " + Fields.strOrEmpty(f, "body");
            case "thread" -> Fields.strOrEmpty(f, "name");
            default -> Fields.strOrEmpty(f, "re");
        };
        return preview(text);
    }

    /** fray's preview: trimmed, newlines to spaces, over 120 bytes cut to 117 bytes plus {@code ...}. */
    static String preview(String text) {
        String s = text.strip().replace('\n', ' ');
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 120) {
            return s;
        }
        int cut = 117;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // do not split a UTF-8 sequence (Go would emit U+FFFD for the partial bytes)
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + "...";
    }
}
