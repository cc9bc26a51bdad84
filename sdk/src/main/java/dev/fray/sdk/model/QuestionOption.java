package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One answer option of a {@link Question}.
 *
 * @param label {@code label} (Always)
 * @param pros  {@code pros} (Opt)
 * @param cons  {@code cons} (Opt)
 * @param extra unknown keys, kept in input order
 */
public record QuestionOption(String label, List<String> pros, List<String> cons, Map<String, JsonNode> extra) {

    public QuestionOption {
        extra = Extra.copyOf(extra);
    }
}
