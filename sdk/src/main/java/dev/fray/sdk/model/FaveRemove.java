package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code fave_remove}: A fave removal tombstone.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param itemType {@code item_type} (Always): {@code thread} or {@code message}
 * @param itemGuid {@code item_guid} (Always): item
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): ms from the CLI, s from the chat UI; raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record FaveRemove(
        String agentId,
        String itemType,
        String itemGuid,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public FaveRemove {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.FAVE_REMOVE;
    }

    /** A copy with {@code origin} replaced. */
    public FaveRemove withOrigin(String origin) {
        return new FaveRemove(agentId, itemType, itemGuid, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public FaveRemove withSeq(Long seq) {
        return new FaveRemove(agentId, itemType, itemGuid, seq, ts, origin, extra);
    }
}
