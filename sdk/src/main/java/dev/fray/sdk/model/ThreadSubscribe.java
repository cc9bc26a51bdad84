package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_subscribe}: An agent subscribed to a thread.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param agentId {@code agent_id} (Always): agent
 * @param subscribedAt {@code subscribed_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadSubscribe(
        String threadGuid,
        String agentId,
        Long subscribedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadSubscribe {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_SUBSCRIBE;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadSubscribe withOrigin(String origin) {
        return new ThreadSubscribe(threadGuid, agentId, subscribedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadSubscribe withSeq(Long seq) {
        return new ThreadSubscribe(threadGuid, agentId, subscribedAt, origin, seq, extra);
    }
}
