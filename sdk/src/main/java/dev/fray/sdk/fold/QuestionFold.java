package dev.fray.sdk.fold;

import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.cache.rows.QuestionRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One question (reference §3.5.8): a repeated {@code question} replaces the record; {@code question_update} applies
 * each present non-null {@code status}, {@code to}, {@code thread_guid}, {@code asked_in}, {@code answered_in}
 * (dropped in v1 when the question is unknown, held in v2). Defaults: status {@code unasked}, options {@code []}.
 */
final class QuestionFold implements EntityFold {

    private static final String[] UPDATABLE = {"status", "to", "thread_guid", "asked_in", "answered_in"};

    private final boolean v2;
    private Map<String, Object> question;
    private final List<Map<String, Object>> pending = new ArrayList<>();

    QuestionFold(boolean v2) {
        this.v2 = v2;
    }

    @Override
    public void apply(FoldEvent e) {
        Map<String, Object> f = e.fields();
        switch (e.type()) {
            case QUESTION -> {
                question = new LinkedHashMap<>(f);
                pending.forEach(this::update);
                pending.clear();
            }
            case QUESTION_UPDATE -> {
                if (question != null) {
                    update(f);
                } else if (v2) {
                    pending.add(f);
                }
            }
            default -> throw new IllegalArgumentException(e.type().wireName());
        }
    }

    private void update(Map<String, Object> u) {
        for (String key : UPDATABLE) {
            Object v = u.get(key);
            if (v != null) {
                question.put(key, v);
            }
        }
    }

    @Override
    public void finish(FoldContext out) {
        if (question == null) {
            return;
        }
        String status = Fields.nonEmpty(question, "status");
        Object options = question.get("options");
        out.emit(new QuestionRow(Fields.strOrEmpty(question, "guid"), Fields.strOrEmpty(question, "re"),
                Fields.strOrEmpty(question, "from_agent"), Fields.nonEmpty(question, "to"),
                status == null ? "unasked" : status, Fields.nonEmpty(question, "thread_guid"),
                Fields.nonEmpty(question, "asked_in"), Fields.nonEmpty(question, "answered_in"),
                options == null ? "[]" : GoJson.writeValue(options), Fields.lngOrZero(question, "created_at")));
    }
}
