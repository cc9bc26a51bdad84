package dev.fray.sdk.cache;

/** A cache operation failed; the message names the database file. */
public class CacheException extends RuntimeException {

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }

    public CacheException(String message) {
        super(message);
    }
}
