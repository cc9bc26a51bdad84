package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code agent_fave}: An item faved by an agent.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param itemType {@code item_type} (Always): {@code thread} or {@code message}
 * @param itemGuid {@code item_guid} (Always): item
 * @param favedAt {@code faved_at} (Always): ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record AgentFave(
        String agentId,
        String itemType,
        String itemGuid,
        Long favedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public AgentFave {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_FAVE;
    }

    /** A copy with {@code origin} replaced. */
    public AgentFave withOrigin(String origin) {
        return new AgentFave(agentId, itemType, itemGuid, favedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public AgentFave withSeq(Long seq) {
        return new AgentFave(agentId, itemType, itemGuid, favedAt, origin, seq, extra);
    }
}
