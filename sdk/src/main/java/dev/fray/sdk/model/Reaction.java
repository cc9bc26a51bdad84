package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code reaction}: One reaction (reactions are permanent; there is no unreact).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param messageGuid {@code message_guid} (Always): target message
 * @param agentId {@code agent_id} (Always): reacting agent
 * @param emoji {@code emoji} (Always): reaction text
 * @param reactedAt {@code reacted_at} (Always): ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record Reaction(
        String messageGuid,
        String agentId,
        String emoji,
        Long reactedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public Reaction {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.REACTION;
    }

    /** A copy with {@code origin} replaced. */
    public Reaction withOrigin(String origin) {
        return new Reaction(messageGuid, agentId, emoji, reactedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public Reaction withSeq(Long seq) {
        return new Reaction(messageGuid, agentId, emoji, reactedAt, origin, seq, extra);
    }
}
