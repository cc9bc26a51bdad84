package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A line fray-jvm keeps but does not interpret: any record type without a typed model (runtime events such as
 * {@code session_start}, {@code usage_snapshot}, {@code wake_condition}, {@code job_*}, {@code permission_*}) and any
 * type unknown to {@link RecordType}. Encoding writes the JSON object back with its keys in their original order.
 *
 * @param typeName the {@code type} value (never null)
 * @param json     the whole JSON object, {@code type} included; a private copy, never modified
 */
public record RawRecord(String typeName, ObjectNode json) implements FrayRecord {

    public RawRecord {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(json, "json");
        json = json.deepCopy();
    }

    /** The record type, or {@code null} when {@link #typeName()} is not a known {@link RecordType}. */
    @Override
    public RecordType type() {
        return RecordType.fromWireName(typeName);
    }

    /** {@code origin} when it is a JSON string, else {@code null}. */
    @Override
    public String origin() {
        JsonNode n = json.get("origin");
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** {@code seq} when it is an integer that fits a {@code long} (fray's raw-envelope rule), else {@code null}. */
    @Override
    public Long seq() {
        JsonNode n = json.get("seq");
        return n != null && n.isIntegralNumber() && n.canConvertToLong() ? n.longValue() : null;
    }

    /** Always empty: the whole object is in {@link #json()}. */
    @Override
    public Map<String, JsonNode> extra() {
        return Map.of();
    }

    /** A copy of the JSON object (the record's own copy is never exposed for modification). */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }
}
