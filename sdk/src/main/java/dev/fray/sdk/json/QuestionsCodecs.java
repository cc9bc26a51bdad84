package dev.fray.sdk.json;

import dev.fray.sdk.model.Question;
import dev.fray.sdk.model.QuestionUpdate;
import dev.fray.sdk.model.RecordType;

/**
 * Field-by-field decoding and encoding of the record types of the Questions group, in fray's struct key order
 * (reference §2). fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) that fray's struct lacks come
 * after fray's keys; unknown keys kept in {@code extra} come last.
 */
final class QuestionsCodecs {

    private QuestionsCodecs() {
    }

    static void register(CodecRegistry registry) {
        registry.add(RecordType.QUESTION, Question.class, QuestionsCodecs::decodeQuestion, QuestionsCodecs::encodeQuestion);
        registry.add(RecordType.QUESTION_UPDATE, QuestionUpdate.class, QuestionsCodecs::decodeQuestionUpdate, QuestionsCodecs::encodeQuestionUpdate);
    }

    static Question decodeQuestion(Fields f) {
        return new Question(
                f.str("guid"),
                f.str("re"),
                f.str("from_agent"),
                f.str("to"),
                f.str("status"),
                f.str("thread_guid"),
                f.str("asked_in"),
                f.str("answered_in"),
                f.questionOptions("options"),
                f.int64("created_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeQuestion(Question r, GoWriter w) {
        w.alwaysStr("guid", r.guid());
        w.alwaysStr("re", r.re());
        w.alwaysStr("from_agent", r.fromAgent());
        w.optPtrStr("to", r.to());
        w.alwaysStr("status", r.status());
        w.optPtrStr("thread_guid", r.threadGuid());
        w.optPtrStr("asked_in", r.askedIn());
        w.optPtrStr("answered_in", r.answeredIn());
        w.optQuestionOptions("options", r.options());
        w.alwaysInt("created_at", r.createdAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static QuestionUpdate decodeQuestionUpdate(Fields f) {
        return new QuestionUpdate(
                f.str("guid"),
                f.str("status"),
                f.str("to"),
                f.str("thread_guid"),
                f.str("asked_in"),
                f.str("answered_in"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.lenientInt64("ts"),
                f.rest());
    }

    static void encodeQuestionUpdate(QuestionUpdate r, GoWriter w) {
        w.alwaysStr("guid", r.guid());
        w.optPtrStr("status", r.status());
        w.optPtrStr("to", r.to());
        w.optPtrStr("thread_guid", r.threadGuid());
        w.optPtrStr("asked_in", r.askedIn());
        w.optPtrStr("answered_in", r.answeredIn());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.optPtrInt("ts", r.ts());
        w.extra(r.extra());
    }
}
