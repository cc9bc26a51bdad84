package dev.fray.sdk.read;

/**
 * The byte-level pieces shared by the two hand-written JSON line scanners ({@link PlainJsonDecoder}, the fold's lean
 * pass-1 reader): JSON whitespace, literal words, and well-formed UTF-8. UTF-8 is recognised only as shortest-form
 * sequences of scalar values (no surrogates, at most U+10FFFF): on such input every decoder agrees on the code point,
 * so a scanner that accepts only these can never disagree with Jackson.
 */
public final class JsonBytes {

    private JsonBytes() {
    }

    /** The first position at or after {@code pos} (before {@code end}) that is not JSON whitespace. */
    public static int skipWhitespace(byte[] buf, int pos, int end) {
        while (pos < end) {
            byte b = buf[pos];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return pos;
            }
            pos++;
        }
        return pos;
    }

    /** Whether the ASCII {@code word} is at {@code buf[pos]}, ending before {@code end}. */
    public static boolean matches(byte[] buf, int pos, int end, String word) {
        if (end - pos < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Length (2 to 4) of the well-formed multi-byte sequence starting at {@code buf[at]} and ending before
     * {@code end}, or -1 if there is none there (ASCII bytes are the caller's business).
     */
    public static int utf8SequenceLength(byte[] buf, int at, int end) {
        int b0 = buf[at] & 0xff;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return continuation(buf, at + 1, end) ? 2 : -1;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (!continuation(buf, at + 1, end) || !continuation(buf, at + 2, end)) {
                return -1;
            }
            int b1 = buf[at + 1] & 0xff;
            if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0)) {
                return -1; // overlong, or a surrogate
            }
            return 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (!continuation(buf, at + 1, end) || !continuation(buf, at + 2, end)
                    || !continuation(buf, at + 3, end)) {
                return -1;
            }
            int b1 = buf[at + 1] & 0xff;
            if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90)) {
                return -1; // overlong, or above U+10FFFF
            }
            return 4;
        }
        return -1;
    }

    private static boolean continuation(byte[] buf, int at, int end) {
        return at < end && (buf[at] & 0xC0) == 0x80;
    }
}
