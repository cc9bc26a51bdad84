package dev.fray.sdk.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.RawRecord;
import dev.fray.sdk.model.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Converts between one JSONL line and a {@link FrayRecord}, byte-compatible with fray's Go structs.
 *
 * <p><b>Decoding</b> is lenient exactly where fray is: unknown keys are accepted (and kept in
 * {@link FrayRecord#extra()}), JSON {@code null} counts as absent, ids of any shape are accepted, timestamps are
 * kept raw (seconds or milliseconds, never normalized), keys match case-insensitively as in Go, and a
 * {@code thread_delete} id is read from {@code thread_id} or else {@code guid}. Defaults such as "missing home means
 * room" are not filled in: the records keep what the line says and offer accessors such as
 * {@link dev.fray.sdk.model.Message#homeOrRoom()}. A line fray would skip raises {@link RecordDecodeException}.
 *
 * <p><b>Encoding</b> writes one JSON object terminated by {@code \n}: {@code type} first, then fray's keys in fray's
 * struct order, omitting exactly what Go's {@code omitempty} omits, Go's string escaping, map keys sorted by UTF-8
 * bytes; then fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) where fray's struct lacks them; then
 * the {@code extra} keys. A {@link RawRecord} is written back as its JSON object.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class RecordCodec {

    private static final ObjectMapper MAPPER = FrayJson.mapper();
    private static final CodecRegistry CODECS = CodecRegistry.standard();

    private RecordCodec() {
    }

    /**
     * Decodes one line (UTF-8, surrounding whitespace and a trailing newline allowed).
     *
     * @throws RecordDecodeException when fray would skip the line: invalid JSON, not an object, no string
     *                               {@code type}, or a field of the wrong JSON type (the message names the field)
     */
    public static FrayRecord decode(byte[] line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new RecordDecodeException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decodeTree(root);
    }

    /** Decodes one line given as text; see {@link #decode(byte[])}. */
    public static FrayRecord decode(String line) {
        return decode(line.getBytes(StandardCharsets.UTF_8));
    }

    private static FrayRecord decodeTree(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            throw new RecordDecodeException("empty line");
        }
        if (!root.isObject()) {
            throw new RecordDecodeException("not a JSON object but " + root.getNodeType().name().toLowerCase());
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new RecordDecodeException(type == null ? "no \"type\" key" : "\"type\" is not a string: " + type);
        }
        ObjectNode object = (ObjectNode) root;
        CodecRegistry.TypeCodec<?> codec = CODECS.get(RecordType.fromWireName(type.textValue()));
        if (codec == null) {
            return new RawRecord(type.textValue(), object);
        }
        return codec.decoder().apply(new Fields(object));
    }

    /** Encodes the record as one {@code \n}-terminated JSONL line (UTF-8). */
    public static byte[] encode(FrayRecord record) {
        return appendLine(record, new StringBuilder(512)).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends the record's line, {@code \n} included, to {@code lines} and returns it: {@link #encode} for many
     * records at once (a batch becomes one text and one UTF-8 conversion instead of a few copies per record).
     */
    public static StringBuilder appendLine(FrayRecord record, StringBuilder lines) {
        GoJson json = new GoJson(lines);
        if (record instanceof RawRecord) {
            json.value(((RawRecord) record).json());
        } else {
            CodecRegistry.TypeCodec<?> codec = CODECS.get(record.type());
            if (codec == null) {
                throw new IllegalStateException("no codec for " + record.getClass().getName());
            }
            json.startObject();
            json.key("type");
            json.string(record.type().wireName());
            codec.encode(record, new GoWriter(json));
            json.endObject();
        }
        return lines.append('\n');
    }
}
