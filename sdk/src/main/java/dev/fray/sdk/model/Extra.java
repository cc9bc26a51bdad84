package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Normalizes the {@code extra} map of a record: never null, unmodifiable, input order kept. */
final class Extra {

    private Extra() {
    }

    static Map<String, JsonNode> copyOf(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
