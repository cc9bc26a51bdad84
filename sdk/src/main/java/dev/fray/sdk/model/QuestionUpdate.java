package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code question_update}: A partial question update (fray gives it no timestamp; fray-jvm may add {@code ts}).
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param guid {@code guid} (Always): question GUID
 * @param status {@code status} (Opt): new status
 * @param to {@code to} (Opt): new addressee
 * @param threadGuid {@code thread_guid} (Opt): thread
 * @param askedIn {@code asked_in} (Opt): message/thread GUID
 * @param answeredIn {@code answered_in} (Opt): message/thread GUID
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param ts {@code ts} (fray-jvm extension, ignored by fray): ordering timestamp fray-jvm adds because this type has none of its own (s)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record QuestionUpdate(
        String guid,
        String status,
        String to,
        String threadGuid,
        String askedIn,
        String answeredIn,
        String origin,
        Long seq,
        Long ts,
        Map<String, JsonNode> extra) implements FrayRecord {

    public QuestionUpdate {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.QUESTION_UPDATE;
    }

    /** A copy with {@code origin} replaced. */
    public QuestionUpdate withOrigin(String origin) {
        return new QuestionUpdate(guid, status, to, threadGuid, askedIn, answeredIn, origin, seq, ts, extra);
    }

    /** A copy with {@code seq} replaced. */
    public QuestionUpdate withSeq(Long seq) {
        return new QuestionUpdate(guid, status, to, threadGuid, askedIn, answeredIn, origin, seq, ts, extra);
    }
}
