package dev.fray.sdk.json;

/**
 * A JSONL line that fray would skip: not a JSON object, no string {@code type}, or a field of the wrong JSON type
 * (including fractional or out-of-range numbers where Go expects an integer).
 *
 * <p>The message says what is wrong with the line but not where it is: the caller, which knows the file and line
 * number, adds them (see {@link #at(String, long)}).
 */
public final class RecordDecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public RecordDecodeException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public RecordDecodeException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** What is wrong with the line, without location. */
    public String reason() {
        return reason;
    }

    /** A copy of this exception whose message names the file and the 1-based line number. */
    public RecordDecodeException at(String file, long lineNumber) {
        return new RecordDecodeException(file + ":" + lineNumber + ": " + reason, this);
    }
}
