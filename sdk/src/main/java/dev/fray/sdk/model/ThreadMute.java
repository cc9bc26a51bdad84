package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code thread_mute}: A thread muted by an agent.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param threadGuid {@code thread_guid} (Always): thread
 * @param agentId {@code agent_id} (Always): agent
 * @param mutedAt {@code muted_at} (Always): s, raw
 * @param expiresAt {@code expires_at} (Opt): s, raw; muted_at + duration
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record ThreadMute(
        String threadGuid,
        String agentId,
        Long mutedAt,
        Long expiresAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public ThreadMute {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.THREAD_MUTE;
    }

    /** A copy with {@code origin} replaced. */
    public ThreadMute withOrigin(String origin) {
        return new ThreadMute(threadGuid, agentId, mutedAt, expiresAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public ThreadMute withSeq(Long seq) {
        return new ThreadMute(threadGuid, agentId, mutedAt, expiresAt, origin, seq, extra);
    }
}
