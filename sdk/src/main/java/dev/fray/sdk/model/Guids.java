package dev.fray.sdk.model;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * fray's GUIDs: {@code <prefix>-<8 chars>} over lowercase base36 (reference §4.1), e.g. {@code msg-3gbx9ezi}.
 *
 * <p>fray takes each character as one random byte modulo 36, which favours {@code 0}–{@code 3} slightly. Here bytes
 * of 252 or more are rejected and redrawn (252 = 7 × 36), so every character is uniform. Ids keep fray's shape.
 * Readers must not validate id shape: real and test data contain other shapes.
 */
public final class Guids {

    public static final String MESSAGE = "msg";
    public static final String THREAD = "thrd";
    public static final String QUESTION = "qstn";
    public static final String AGENT = "usr";
    public static final String CHANNEL = "ch";
    public static final String JOB = "job";
    public static final String PERMISSION = "perm";
    public static final String WAKE = "wake";
    public static final String SESSION = "sess";

    /** Number of random characters after the prefix. */
    public static final int LENGTH = 8;

    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int REJECT_FROM = 256 - 256 % ALPHABET.length();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Guids() {
    }

    /** A new GUID with the given prefix ({@code "msg"} and {@code "msg-"} both give {@code msg-xxxxxxxx}). */
    public static String generate(String prefix) {
        return generate(prefix, RANDOM);
    }

    /** As {@link #generate(String)} with the given source of randomness (tests pass a seeded {@link Random}). */
    public static String generate(String prefix, Random random) {
        Objects.requireNonNull(prefix, "prefix");
        String p = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
        StringBuilder id = new StringBuilder(p.length() + 1 + LENGTH).append(p).append('-');
        byte[] one = new byte[1];
        while (id.length() < p.length() + 1 + LENGTH) {
            random.nextBytes(one);
            int b = one[0] & 0xFF;
            if (b < REJECT_FROM) {
                id.append(ALPHABET.charAt(b % ALPHABET.length()));
            }
        }
        return id.toString();
    }
}
