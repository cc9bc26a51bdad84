package dev.fray.spi;

/**
 * Compares strings by their UTF-8 bytes, unsigned: the order Go's {@code sort.Strings} and byte-wise file name
 * sorting give. {@link String#compareTo} compares UTF-16 units, which differs for characters above U+FFFF and for
 * some ranges above U+D7FF, so it must not be used where fray's order matters.
 */
public final class Utf8Order {

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                // UTF-8 byte order equals code point order (surrogates never appear as code points here).
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
