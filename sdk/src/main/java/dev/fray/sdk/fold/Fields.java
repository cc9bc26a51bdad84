package dev.fray.sdk.fold;

import java.util.Map;

/** Typed reads of a decoded record (values already checked against the record's schema). */
final class Fields {

    private Fields() {
    }

    /** The string value, or {@code null} when absent or JSON null. */
    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof String s ? s : null;
    }

    /** The string value, or {@code ""} when absent or null (Go's zero value). */
    static String strOrEmpty(Map<String, Object> m, String key) {
        String s = str(m, key);
        return s == null ? "" : s;
    }

    /** The string, or {@code null} when absent, null or empty (Go {@code omitempty} fields). */
    static String nonEmpty(Map<String, Object> m, String key) {
        String s = str(m, key);
        return s == null || s.isEmpty() ? null : s;
    }

    static Long lng(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Long l ? l : null;
    }

    static long lngOrZero(Map<String, Object> m, String key) {
        Long l = lng(m, key);
        return l == null ? 0 : l;
    }

    static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    /** fray's {@code normalizeTimestamp}: values above 10^10 are taken as ms and divided down to s. */
    static long normalizeTs(long x) {
        return x > 10_000_000_000L ? x / 1000 : x;
    }
}
