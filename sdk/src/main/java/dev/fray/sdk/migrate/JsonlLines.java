package dev.fray.sdk.migrate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The lines of a JSONL file's bytes, each kept verbatim so migration can move it without re-encoding. */
final class JsonlLines {

    /**
     * One line.
     *
     * @param bytes      the line's bytes including its {@code \n} (none when {@code terminated} is false)
     * @param number     1-based line number in the file, for messages
     * @param terminated false only for a last line without {@code \n} (a torn or unfinished append)
     */
    record Line(byte[] bytes, int number, boolean terminated) {

        /** Whitespace-only: no record (fray's reader skips it). */
        boolean isBlank() {
            return text().isBlank();
        }

        /** The line as text without its terminator, for parsing. */
        String text() {
            return new String(bytes, 0, terminated ? bytes.length - 1 : bytes.length, StandardCharsets.UTF_8);
        }

        /** The bytes with a {@code \n} added if missing, so a record appended after it starts on its own line. */
        byte[] terminatedBytes() {
            if (terminated) {
                return bytes;
            }
            byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            out[bytes.length] = '\n';
            return out;
        }
    }

    private JsonlLines() {
    }

    static List<Line> split(byte[] content) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(new Line(java.util.Arrays.copyOfRange(content, start, i + 1), number++, true));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(new Line(java.util.Arrays.copyOfRange(content, start, content.length), number, false));
        }
        return lines;
    }
}
