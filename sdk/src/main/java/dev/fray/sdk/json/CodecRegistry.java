package dev.fray.sdk.json;

import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.RecordType;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The typed codec of every modelled {@link RecordType}; types without one are kept as raw records. */
final class CodecRegistry {

    /** Decoder and encoder of one record type. */
    record TypeCodec<T extends FrayRecord>(Class<T> javaType, Function<Fields, T> decoder,
                                           BiConsumer<T, GoWriter> encoder) {

        void encode(FrayRecord record, GoWriter writer) {
            encoder.accept(javaType.cast(record), writer);
        }
    }

    private final Map<RecordType, TypeCodec<?>> codecs = new EnumMap<>(RecordType.class);

    static CodecRegistry standard() {
        CodecRegistry registry = new CodecRegistry();
        MessagesCodecs.register(registry);
        ThreadsCodecs.register(registry);
        QuestionsCodecs.register(registry);
        AgentStateCodecs.register(registry);
        RuntimeCodecs.register(registry);
        return registry;
    }

    <T extends FrayRecord> void add(RecordType type, Class<T> javaType, Function<Fields, T> decoder,
                                    BiConsumer<T, GoWriter> encoder) {
        if (codecs.put(type, new TypeCodec<>(javaType, decoder, encoder)) != null) {
            throw new IllegalStateException("two codecs for " + type);
        }
    }

    /** The codec of the type, or {@code null} when the type is kept raw. */
    TypeCodec<?> get(RecordType type) {
        return type == null ? null : codecs.get(type);
    }
}
