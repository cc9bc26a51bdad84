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
        if (data.hasArray()) {
            update(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
            return;
        }
        // Copied out in chunks: scanning through get(i) costs a call per byte until the JIT has compiled it.
        byte[] chunk = new byte[Math.min(data.remaining(), 64 * 1024)];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            update(chunk, 0, n);
        }
    }

    /** Folds in {@code length} bytes of {@code data} from {@code offset}. */
    void update(byte[] data, int offset, int length) {
        int end = offset + length;
        int lineStart = offset;
        for (int i = offset; i < end; i++) {
            if (data[i] == '\n') {
                lineDigest.update(data, lineStart, i + 1 - lineStart);
                bytes += pendingBytes + i + 1 - lineStart;
                pendingBytes = 0;
                chain = lineDigest.digest();
                lines++;
                lineDigest.update(chain);
                lineStart = i + 1;
            }
        }
        if (lineStart < end) {
            lineDigest.update(data, lineStart, end - lineStart);
            pendingBytes += end - lineStart;
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

    /**
     * A fresh SHA-256 digest. Cloned from a prototype: {@code MessageDigest.getInstance} looks the algorithm up among
     * the security providers every time, which costs more than hashing a line.
     */
    static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static final MessageDigest PROTOTYPE = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
