package dev.fray.sdk.migrate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.json.RecordDecodeException;
import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The v1 {@code agents.jsonl} split by where each line's type lives in v2 ({@link RecordType#v2File()}): shared
 * per-agent state to {@code agent-state.jsonl}, everything else, including lines that do not parse and unknown
 * types, to {@code local/runtime.jsonl}. Lines keep their bytes and their relative order.
 *
 * <p>Like fray, only the {@code type} is read to route a line (Go decodes just an envelope), so a record whose other
 * fields are malformed still goes where its type belongs. Two deliberate differences: whitespace-only lines are
 * dropped (they hold no record), and a last line without {@code \n} is kept and terminated (fray's reader drops it;
 * kept, nothing complete is lost, and records appended later cannot glue onto it).
 *
 * @param agentState      lines for {@code agent-state.jsonl}, each ending with {@code \n}
 * @param runtime         lines for {@code local/runtime.jsonl}, each ending with {@code \n}
 * @param blankLines      whitespace-only lines dropped
 * @param describedAgents agent ids that already have a decodable {@code agent_descriptor}
 */
record AgentsLogSplit(List<byte[]> agentState, List<byte[]> runtime, int blankLines, Set<String> describedAgents) {

    static AgentsLogSplit of(byte[] agentsLog) {
        List<byte[]> agentState = new ArrayList<>();
        List<byte[]> runtime = new ArrayList<>();
        Set<String> described = new HashSet<>();
        int blank = 0;
        for (JsonlLines.Line line : JsonlLines.split(agentsLog)) {
            if (line.isBlank()) {
                blank++;
                continue;
            }
            RecordType type = RecordType.fromWireName(envelopeType(line.text()));
            if (type != null && type.v2File() == LogFile.AGENT_STATE) {
                agentState.add(line.terminatedBytes());
                if (type == RecordType.AGENT_DESCRIPTOR) {
                    describedAgent(line).ifPresent(described::add);
                }
            } else {
                runtime.add(line.terminatedBytes());
            }
        }
        return new AgentsLogSplit(List.copyOf(agentState), List.copyOf(runtime), blank, Set.copyOf(described));
    }

    /**
     * The {@code type} string as Go's envelope decode sees it: the key {@code type}, or failing that the last key
     * equal to it ignoring case; null when the line is not a JSON object or the value is not a string.
     */
    static String envelopeType(String line) {
        JsonNode root;
        try {
            root = FrayJson.mapper().readTree(line);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode value = root.get("type");
        if (value == null) {
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                if (e.getKey().equalsIgnoreCase("type")) {
                    value = e.getValue();
                }
            }
        }
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static java.util.Optional<String> describedAgent(JsonlLines.Line line) {
        try {
            if (RecordCodec.decode(line.text()) instanceof AgentDescriptor d && d.agentId() != null
                    && !d.agentId().isEmpty()) {
                return java.util.Optional.of(d.agentId());
            }
        } catch (RecordDecodeException e) {
            // a descriptor fray could not read either: its agent still needs one
        }
        return java.util.Optional.empty();
    }
}
