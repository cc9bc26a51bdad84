package dev.fray.sdk.integrity;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The running hash over a log's lines: {@code chain = SHA-256(previous chain || line)} for each line including
 * its {@code \n}, starting from 32 zero bytes. Fed with bytes in any chunking; only complete lines are folded in,
 * a trailing partial line stays pending. Extending the chain costs only the new bytes, which is what makes
 * ledger updates constant-time per append.
 */
final class LineChain {

    static final byte[] ZERO = new byte[32];

    private byte[] chain;
    private long lines;
    private long bytes;
    private long pendingBytes;
    private final MessageDigest lineDigest;

    LineChain(byte[] chain, long lines, long bytes) {
        this.chain = chain.clone();
        this.lines = lines;
        this.bytes = bytes;
        this.lineDigest = sha256();
        this.lineDigest.update(this.chain);
    }

    static LineChain empty() {
        return new LineChain(ZERO, 0, 0);
    }

    /** Folds in {@code data}'s remaining bytes (consumes them). */
    void update(ByteBuffer data) {
        while (data.hasRemaining()) {
            int start = data.position();
            int end = data.limit();
            int newline = -1;
            for (int i = start; i < end; i++) {
                if (data.get(i) == '\n') {
                    newline = i;
                    break;
                }
            }
            int stop = newline < 0 ? end : newline + 1;
            ByteBuffer piece = data.duplicate();
            piece.limit(stop);
            lineDigest.update(piece);
            pendingBytes += stop - start;
            data.position(stop);
            if (newline >= 0) {
                chain = lineDigest.digest();
                lines++;
                bytes += pendingBytes;
                pendingBytes = 0;
                lineDigest.update(chain);
            }
        }
    }

    long lines() {
        return lines;
    }

    /** Bytes covered by the complete lines folded in so far. */
    long bytes() {
        return bytes;
    }

    /** Bytes of a trailing line that has no {@code \n} yet. */
    long pendingBytes() {
        return pendingBytes;
    }

    String chainHex() {
        return HexFormat.of().formatHex(chain);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
