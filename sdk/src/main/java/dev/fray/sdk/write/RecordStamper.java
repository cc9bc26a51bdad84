package dev.fray.sdk.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds what every v2 record fray-jvm writes carries: {@code origin}, a fresh {@code seq}, and an ordering timestamp.
 *
 * <p>The timestamp rule: if none of the fields fray's merge reads for the type ({@link RecordType#mergeTimestampFields()})
 * holds a value, {@code ts} is set to now in the type's unit. fray never reads {@code ts} when folding
 * {@code message_update}, {@code thread_update} or {@code question_update}, so the record means the same to fray,
 * but its merge sorts it by time instead of before everything else (reference §3.4).
 *
 * <p>Stamping works on the JSON form, so it applies uniformly to every record type, and the result is decoded again
 * so that the encoder puts every key in fray's order.
 */
final class RecordStamper {

    private RecordStamper() {
    }

    static FrayRecord stamp(FrayRecord record, String origin, long seq, long nowMillis) {
        ObjectNode json = toTree(record);
        json.put("origin", origin);
        json.put("seq", seq);
        RecordType type = record.type();
        if (type != null && !type.mergeTimestampFields().isEmpty() && !hasTimestamp(json, type)) {
            json.put("ts", type.timestampsInMillis() ? nowMillis : nowMillis / 1000);
        }
        return RecordCodec.decode(GoJson.writeBytes(json));
    }

    private static boolean hasTimestamp(ObjectNode json, RecordType type) {
        for (String field : type.mergeTimestampFields()) {
            JsonNode v = json.get(field);
            if (v != null && v.canConvertToLong() && v.isIntegralNumber()) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode toTree(FrayRecord record) {
        try {
            return (ObjectNode) FrayJson.mapper().readTree(RecordCodec.encode(record));
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading an encoded record cannot fail", e);
        }
    }
}
