package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code role_release}: A held role released.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param agentId {@code agent_id} (Always): agent
 * @param roleName {@code role_name} (Always): role
 * @param seq {@code seq} (Opt): v2 sequence
 * @param ts {@code ts} (Always): ms (fallback s), raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record RoleRelease(
        String agentId,
        String roleName,
        Long seq,
        Long ts,
        String origin,
        Map<String, JsonNode> extra) implements FrayRecord {

    public RoleRelease {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.ROLE_RELEASE;
    }

    /** A copy with {@code origin} replaced. */
    public RoleRelease withOrigin(String origin) {
        return new RoleRelease(agentId, roleName, seq, ts, origin, extra);
    }

    /** A copy with {@code seq} replaced. */
    public RoleRelease withSeq(Long seq) {
        return new RoleRelease(agentId, roleName, seq, ts, origin, extra);
    }
}
