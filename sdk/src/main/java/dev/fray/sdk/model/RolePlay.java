package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code role_play}: A session-scoped role started.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param roleName {@code role_name} (Always): role
 * @param sessionId {@code session_id} (Opt): session
 * @param startedAt {@code started_at} (Always): ms, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record RolePlay(
        String agentId,
        String roleName,
        String sessionId,
        Long startedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public RolePlay {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.ROLE_PLAY;
    }

    /** A copy with {@code origin} replaced. */
    public RolePlay withOrigin(String origin) {
        return new RolePlay(agentId, roleName, sessionId, startedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public RolePlay withSeq(Long seq) {
        return new RolePlay(agentId, roleName, sessionId, startedAt, origin, seq, extra);
    }
}
