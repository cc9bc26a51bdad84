package dev.fray.sdk.read;

/** A problem with one line (or one file when {@code line} is 0) that made fray-jvm skip it. */
public record ReadWarning(String file, long line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
