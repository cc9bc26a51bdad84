package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * {@code question}: A question created.
 *
 * <p>Fields are raw as decoded: {@code null} means absent (or JSON {@code null}); fray's reader defaults are applied
 * by the fold, not here. "Always"/"Opt" say whether fray writes the key when it is empty (reference §2).
 *
 * @param guid {@code guid} (Always): question GUID {@code qstn-xxxxxxxx}
 * @param re {@code re} (Always): question text
 * @param fromAgent {@code from_agent} (Always): asking agent
 * @param to {@code to} (Opt): addressed agent (DB column {@code to_agent})
 * @param status {@code status} (Always): {@code unasked}, {@code open}, {@code answered} or {@code closed}; empty means unasked (see {@link #statusOrUnasked()})
 * @param threadGuid {@code thread_guid} (Opt): thread
 * @param askedIn {@code asked_in} (Opt): message/thread GUID
 * @param answeredIn {@code answered_in} (Opt): message/thread GUID
 * @param options {@code options} (Opt): answer options
 * @param createdAt {@code created_at} (Always): s, raw
 * @param origin {@code origin} (fray-jvm extension, ignored by fray): machine id of the writer (fray-jvm writes it on every record)
 * @param seq {@code seq} (fray-jvm extension, ignored by fray): per-machine sequence number (fray-jvm writes it on every record)
 * @param extra keys fray-jvm does not know, kept in input order so a rewrite loses nothing
 */
public record Question(
        String guid,
        String re,
        String fromAgent,
        String to,
        String status,
        String threadGuid,
        String askedIn,
        String answeredIn,
        List<QuestionOption> options,
        Long createdAt,
        String origin,
        Long seq,
        Map<String, JsonNode> extra) implements FrayRecord {

    public Question {
        extra = Extra.copyOf(extra);
    }

    @Override
    public RecordType type() {
        return RecordType.QUESTION;
    }

    /** The status with fray's reader default: missing or empty means {@code "unasked"}. */
    public String statusOrUnasked() {
        return status == null || status.isEmpty() ? "unasked" : status;
    }

    /** A copy with {@code origin} replaced. */
    public Question withOrigin(String origin) {
        return new Question(guid, re, fromAgent, to, status, threadGuid, askedIn, answeredIn, options, createdAt, origin, seq, extra);
    }

    /** A copy with {@code seq} replaced. */
    public Question withSeq(Long seq) {
        return new Question(guid, re, fromAgent, to, status, threadGuid, askedIn, answeredIn, options, createdAt, origin, seq, extra);
    }
}
