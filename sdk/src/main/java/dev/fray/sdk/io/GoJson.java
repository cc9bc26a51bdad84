package dev.fray.sdk.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON bytes the way Go's {@code encoding/json} writes them, so files fray-jvm rewrites look like files fray
 * wrote: compact or {@code MarshalIndent(v, "", "  ")} layout ({@code ": "} after keys, one array element per
 * line, {@code {}}/{@code []} when empty), and Go's HTML-safe escaping ({@code <}, {@code >}, {@code &},
 * U+2028, U+2029 as lowercase {@code \}{@code u} escapes).
 */
public final class GoJson {

    /** A mapper whose generators escape like Go. Use for reading too: plain Jackson defaults. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new GoEscapes());
    }

    private GoJson() {
    }

    /** {@code json.MarshalIndent(v, "", "  ")} plus the trailing newline fray adds. */
    public static byte[] pretty(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return write(node, printer);
    }

    /** {@code json.Marshal(v)} plus a trailing newline (one JSONL line, or fray's machine-id file). */
    public static byte[] compactLine(JsonNode node) {
        return write(node, null);
    }

    private static byte[] write(JsonNode node, DefaultPrettyPrinter printer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            if (printer != null) {
                generator.setPrettyPrinter(printer);
            }
            MAPPER.writeTree(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static final class GoEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        GoEscapes() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new SerializedString("\\u2029");
            }
            return null;
        }
    }
}
