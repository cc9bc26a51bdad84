package dev.fray.sdk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fray.spi.Utf8Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Read-time reaction combination (reference §3.5.3): the legacy {@code fray_messages.reactions} map (emoji → agent
 * ids) becomes entries with {@code reactedAt = 0}; if the message has any {@code fray_reactions} rows, those replace
 * the legacy map entirely. Output order: {@code reactedAt}, then emoji, then agent id (UTF-8 byte order).
 */
final class ReactionCombiner {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Comparator<ReactionView> ORDER = Comparator.comparingLong(ReactionView::reactedAt)
            .thenComparing(ReactionView::emoji, Utf8Order::compare)
            .thenComparing(ReactionView::agentId, Utf8Order::compare);

    private ReactionCombiner() {
    }

    static List<ReactionView> combine(String messageGuid, String legacyJson, List<ReactionView> rows) {
        List<ReactionView> out = new ArrayList<>(rows.isEmpty() ? legacy(messageGuid, legacyJson) : rows);
        out.sort(ORDER);
        return out;
    }

    static List<ReactionView> legacy(String messageGuid, String legacyJson) {
        if (legacyJson == null || legacyJson.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(legacyJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fray_messages.reactions of " + messageGuid + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        List<ReactionView> out = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isArray()) {
                continue;
            }
            for (JsonNode agent : e.getValue()) {
                if (agent.isTextual()) {
                    out.add(new ReactionView(e.getKey(), agent.asText(), 0));
                }
            }
        }
        return out;
    }

    /** Decodes a stored {@code mentions} value; {@code null}, JSON {@code null} or a non-array give no mentions. */
    static List<String> mentions(String messageGuid, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<String> out = new ArrayList<>();
            if (root != null && root.isArray()) {
                for (JsonNode m : root) {
                    if (m.isTextual()) {
                        out.add(m.asText());
                    }
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fray_messages.mentions of " + messageGuid + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
