package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code agent_descriptor}: Shared description of an agent (v2).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param displayName {@code display_name} (Opt): display name
 * @param capabilities {@code capabilities} (Opt): capabilities
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record AgentDescriptor(
        String agentId,
        String displayName,
        List<String> capabilities,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public AgentDescriptor {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_DESCRIPTOR;
    }

    /** A copy with {@code origin} replaced. */
    public AgentDescriptor withOrigin(String origin) {
        return new AgentDescriptor(agentId, displayName, capabilities, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public AgentDescriptor withSeq(Long seq) {
        return new AgentDescriptor(agentId, displayName, capabilities, seq, ts, origin, extra);
    }
}
