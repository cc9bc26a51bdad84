package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code message_move}: A message moved to another home.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param messageGuid {@code message_guid} (Always): moved message
 * @param oldHome {@code old_home} (Always): previous home
 * @param newHome {@code new_home} (Always): new home
 * @param movedBy {@code moved_by} (Always): agent id
 * @param movedAt {@code moved_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record MessageMove(
        String messageGuid,
        String oldHome,
        String newHome,
        String movedBy,
        Long movedAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public MessageMove {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.MESSAGE_MOVE;
    }

    /** A copy with {@code origin} replaced. */
    public MessageMove withOrigin(String origin) {
        return new MessageMove(messageGuid, oldHome, newHome, movedBy, movedAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public MessageMove withSeq(Long seq) {
        return new MessageMove(messageGuid, oldHome, newHome, movedBy, movedAt, origin, seq, extra);
    }
}
