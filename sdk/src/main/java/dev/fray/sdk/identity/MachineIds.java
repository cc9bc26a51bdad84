package dev.fray.sdk.identity;

import java.net.InetAddress;
import java.util.Locale;

/**
 * Rules for machine ids. An id is used verbatim as a directory name under {@code shared/machines/}, as the
 * {@code origin} of messages and in mentions ({@code agent@machine}); fray does not validate it at all, fray-jvm
 * refuses ids that would be unsafe or confusing there.
 */
public final class MachineIds {

    /** Longest id accepted, in characters: long enough for any host name label, short enough for any file system. */
    public static final int MAX_LENGTH = 64;

    /** Used when no usable host name exists (fray's fallback too). */
    public static final String FALLBACK = "machine";

    static final String RULES = "a machine id is 1 to " + MAX_LENGTH + " characters, with no '/' or '\\', no "
            + "control characters, no leading or trailing whitespace, and is not '.' or '..' (for example "
            + "'laptop' or 'build-server-2')";

    private MachineIds() {
    }

    /** Returns {@code id} if it is a valid new machine id; otherwise throws, saying what is allowed. */
    public static String validate(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new InvalidMachineIdException("invalid machine id " + quote(id) + ": " + problem + "; " + RULES);
        }
        return id;
    }

    /** {@code true} if {@link #validate} would accept {@code id}. */
    public static boolean isValid(String id) {
        return problem(id) == null;
    }

    /**
     * Checks an id read from an existing {@code local/machine-id} before it is used as a path: only what would
     * escape {@code shared/machines/} is refused (fray ids that {@link #validate} would reject in other ways, such
     * as very long host names, still work).
     */
    static String requireSafePathSegment(String id, String source) {
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.indexOf('/') >= 0 || id.indexOf('\\') >= 0
                || id.indexOf('\0') >= 0) {
            throw new InvalidMachineIdException(source + ": machine id " + quote(id)
                    + " cannot be used as a directory name; " + RULES);
        }
        return id;
    }

    /**
     * A default id for this machine: the host name made valid (first label only, unsafe characters replaced by
     * {@code -}, lower-cased, cut to {@link #MAX_LENGTH}), or {@link #FALLBACK} when there is none.
     */
    public static String proposeDefault() {
        return sanitize(hostName());
    }

    /** Makes any text a valid id the way {@link #proposeDefault} does; {@link #FALLBACK} if nothing is left. */
    public static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = raw.strip();
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot); // "laptop.local" and FQDNs: the host label is the useful part
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> {
            boolean unsafe = cp == '/' || cp == '\\' || Character.isISOControl(cp) || Character.isWhitespace(cp);
            out.appendCodePoint(unsafe ? '-' : cp);
        });
        String result = out.toString().toLowerCase(Locale.ROOT);
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            result = result.substring(0, result.offsetByCodePoints(0, MAX_LENGTH));
        }
        result = result.replaceAll("^-+|-+$", "");
        return isValid(result) ? result : FALLBACK;
    }

    private static String hostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    private static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "it is empty";
        }
        if (id.equals(".") || id.equals("..")) {
            return "'.' and '..' are not directory names";
        }
        if (id.codePointCount(0, id.length()) > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (!id.equals(id.strip())) {
            return "it starts or ends with whitespace";
        }
        for (int i = 0; i < id.length(); ) {
            int cp = id.codePointAt(i);
            if (cp == '/' || cp == '\\') {
                return "it contains '" + (char) cp + "'";
            }
            if (Character.isISOControl(cp)) {
                return String.format("it contains the control character U+%04X", cp);
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                return "it contains an unpaired surrogate";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String quote(String id) {
        if (id == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        id.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
