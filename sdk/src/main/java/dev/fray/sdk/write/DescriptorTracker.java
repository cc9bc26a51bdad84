package dev.fray.sdk.write;

import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.json.RecordDecodeException;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.LogFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Knows which agents already have an {@code agent_descriptor} in this machine's {@code agent-state.jsonl}, so a
 * post emits one only for an author this machine has not described yet (fray's {@code ensureAgentDescriptor}). The
 * log is scanned once per writer, not once per post.
 */
final class DescriptorTracker {

    private final Path agentState;
    private Set<String> described;

    DescriptorTracker(ChannelPaths paths, String machineId) {
        this.agentState = machineId == null ? null : paths.machineLog(machineId, LogFile.AGENT_STATE);
    }

    synchronized boolean needsDescriptor(String agentId) throws IOException {
        if (described == null) {
            described = scan();
        }
        return !described.contains(agentId);
    }

    synchronized void recorded(String agentId) {
        described.add(agentId);
    }

    AgentDescriptor descriptorFor(String agentId, Long ts) {
        return new AgentDescriptor(agentId, null, null, null, ts == null ? Long.valueOf(0L) : ts, null, Map.of());
    }

    private Set<String> scan() throws IOException {
        Set<String> ids = new HashSet<>();
        if (agentState == null || !Files.exists(agentState)) {
            return ids;
        }
        try (BufferedReader in = Files.newBufferedReader(agentState, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || !line.contains("agent_descriptor")) {
                    continue;
                }
                try {
                    FrayRecord r = RecordCodec.decode(line);
                    if (r instanceof AgentDescriptor d) {
                        ids.add(d.agentId());
                    }
                } catch (RecordDecodeException e) {
                    // fray skips undecodable lines too; a torn last line is not a descriptor
                }
            }
        }
        return ids;
    }
}
