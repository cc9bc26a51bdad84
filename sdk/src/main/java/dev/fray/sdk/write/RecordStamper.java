package dev.fray.sdk.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.model.RawRecord;
import dev.fray.sdk.model.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds what every v2 record fray-jvm writes carries: {@code origin}, a fresh {@code seq}, and an ordering timestamp.
 *
 * <p>The timestamp rule: if none of the fields fray's merge reads for the type ({@link RecordType#mergeTimestampFields()})
 * holds a value, {@code ts} is set to now in the type's unit. fray never reads {@code ts} when folding
 * {@code message_update}, {@code thread_update} or {@code question_update}, so the record means the same to fray,
 * but its merge sorts it by time instead of before everything else (reference §3.4).
 *
 * <p>Stamping copies the Java record with its {@code origin}, {@code seq} (and, where the rule asks for it, {@code ts})
 * components replaced; a type without a {@code ts} component gets {@code ts} in its {@code extra} keys, which is where
 * decoding such a line puts it. It used to encode the record, edit the JSON tree and decode it again; that costs two
 * parses and two encodings per append, more than the rest of the CPU work of an append together. The result is the
 * same record ({@code RecordStamperTest} checks it against the JSON round trip for every type).
 *
 * <p>A {@link Message} with a {@code ts} (every posted or imported message) is copied by a plain constructor call:
 * the generic copy goes through method handles that are not constants, which the JIT cannot inline and which cost tens
 * of microseconds per record until compiled; an importer's first batches are exactly that case.
 */
final class RecordStamper {

    private RecordStamper() {
    }

    static FrayRecord stamp(FrayRecord record, String origin, long seq, long nowMillis) {
        if (record instanceof RawRecord raw) {
            return stampRaw(raw, origin, seq, nowMillis);
        }
        if (record instanceof Message m && m.ts() != null) {
            return stampMessage(m, origin, seq);
        }
        Shape shape = SHAPES.get(record.getClass());
        Object[] values = shape.values(record);
        values[shape.origin] = origin;
        values[shape.seq] = seq;
        RecordType type = record.type();
        if (!type.mergeTimestampFields().isEmpty() && !shape.hasTimestamp(values, type)) {
            long ts = type.timestampsInMillis() ? nowMillis : nowMillis / 1000;
            if (shape.ts >= 0) {
                values[shape.ts] = ts;
            } else {
                @SuppressWarnings("unchecked")
                Map<String, JsonNode> extra = new LinkedHashMap<>((Map<String, JsonNode>) values[shape.extra]);
                extra.put("ts", number(ts));
                values[shape.extra] = extra;
            }
        }
        return shape.create(values);
    }

    /** A message that has its merge timestamp ({@code ts}): only {@code origin} and {@code seq} change. */
    private static Message stampMessage(Message m, String origin, long seq) {
        return new Message(m.id(), m.channelId(), m.home(), m.fromAgent(), origin, seq, m.sessionId(), m.body(),
                m.mentions(), m.forkSessions(), m.reactions(), m.messageType(), m.references(), m.surfaceMessage(),
                m.replyTo(), m.quoteMessageGuid(), m.ts(), m.editedAt(), m.archivedAt(), m.extra());
    }

    private static RawRecord stampRaw(RawRecord raw, String origin, long seq, long nowMillis) {
        ObjectNode json = raw.json().deepCopy();
        json.put("origin", origin);
        json.set("seq", number(seq));
        RecordType type = raw.type();
        if (type != null && !type.mergeTimestampFields().isEmpty() && !hasTimestamp(json, type)) {
            json.set("ts", number(type.timestampsInMillis() ? nowMillis : nowMillis / 1000));
        }
        return new RawRecord(raw.typeName(), json);
    }

    private static boolean hasTimestamp(ObjectNode json, RecordType type) {
        for (String field : type.mergeTimestampFields()) {
            if (isIntegral(json.get(field))) {
                return true;
            }
        }
        return false;
    }

    /** The node a JSON parser would give for {@code n}, so a stamped record equals its line decoded. */
    private static JsonNode number(long n) {
        return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
    }

    private static boolean isIntegral(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToLong();
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    /** Where a record class keeps the components stamping touches, and how to take it apart and rebuild it. */
    private static final class Shape {
        private final MethodHandle[] accessors;
        private final MethodHandle constructor;
        private final String[] wireNames;
        final int origin;
        final int seq;
        final int ts;
        final int extra;
        /** Merge timestamp components the encoder writes even when null (as 0): they always count as present. */
        private final boolean[] writtenWhenNull;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            accessors = new MethodHandle[components.length];
            wireNames = new String[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = lookup.unreflect(components[i].getAccessor());
                    wireNames[i] = snakeCase(components[i].getName());
                    parameterTypes[i] = components[i].getType();
                }
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                        .asSpreader(Object[].class, components.length);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot stamp " + type.getName() + ": " + e, e);
            }
            origin = require("origin", type);
            seq = require("seq", type);
            extra = require("extra", type);
            ts = indexOf("ts");
            writtenWhenNull = writtenWhenNull(type, parameterTypes);
        }

        /** Encodes an empty instance once and looks which components' keys it still has. */
        private boolean[] writtenWhenNull(Class<?> type, Class<?>[] parameterTypes) {
            Object[] empty = new Object[parameterTypes.length];
            for (int i = 0; i < empty.length; i++) {
                if (parameterTypes[i] == boolean.class) {
                    empty[i] = false;
                } else if (parameterTypes[i] == long.class) {
                    empty[i] = 0L;
                } else if (parameterTypes[i] == int.class) {
                    empty[i] = 0;
                }
            }
            empty[extra] = Map.of();
            JsonNode encoded;
            try {
                encoded = FrayJson.mapper().readTree(RecordCodec.encode(create(empty)));
            } catch (IOException e) {
                throw new UncheckedIOException("re-reading an encoded record cannot fail", e);
            }
            boolean[] written = new boolean[parameterTypes.length];
            for (int i = 0; i < written.length; i++) {
                written[i] = isIntegral(encoded.get(wireNames[i]));
            }
            return written;
        }

        Object[] values(FrayRecord record) {
            Object[] values = new Object[accessors.length];
            try {
                for (int i = 0; i < accessors.length; i++) {
                    values[i] = accessors[i].invoke(record);
                }
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + record.getClass().getName() + " failed", e);
            }
            return values;
        }

        FrayRecord create(Object[] values) {
            try {
                return (FrayRecord) constructor.invoke(values);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("rebuilding a stamped record failed", e);
            }
        }

        /** Whether any merge timestamp field holds an integer: a component of that name, else an extra key. */
        boolean hasTimestamp(Object[] values, RecordType type) {
            @SuppressWarnings("unchecked")
            Map<String, JsonNode> extras = (Map<String, JsonNode>) values[extra];
            for (String field : type.mergeTimestampFields()) {
                int i = indexOf(field);
                if (i >= 0 ? values[i] instanceof Long || writtenWhenNull[i] : isIntegral(extras.get(field))) {
                    return true;
                }
            }
            return false;
        }

        private static String snakeCase(String camel) {
            StringBuilder out = new StringBuilder(camel.length() + 4);
            for (int i = 0; i < camel.length(); i++) {
                char c = camel.charAt(i);
                if (Character.isUpperCase(c)) {
                    out.append('_').append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private int indexOf(String wireName) {
            return Arrays.asList(wireNames).indexOf(wireName);
        }

        private int require(String wireName, Class<?> type) {
            int i = indexOf(wireName);
            if (i < 0) {
                throw new IllegalStateException(type.getName() + " has no '" + wireName + "' component to stamp");
            }
            return i;
        }
    }
}
