package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code agent_unfave}: An item unfaved (older writers; replaced by {@code fave_remove}).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param itemType {@code item_type} (Always): {@code thread} or {@code message}
 * @param itemGuid {@code item_guid} (Always): item
 * @param unfavedAt {@code unfaved_at} (Always): mixed s/ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record AgentUnfave(
        String agentId,
        String itemType,
        String itemGuid,
        Long unfavedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public AgentUnfave {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_UNFAVE;
    }

    /** A copy with {@code origin} replaced. */
    public AgentUnfave withOrigin(String origin) {
        return new AgentUnfave(agentId, itemType, itemGuid, unfavedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public AgentUnfave withSeq(Long seq) {
        return new AgentUnfave(agentId, itemType, itemGuid, unfavedAt, origin, seq, extra);
    }
}
