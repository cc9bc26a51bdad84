package dev.fray.sdk;

/**
 * The version of fray-jvm. A constant rather than a Maven-filtered resource because jbang scripts compile the SDK
 * from source, where no Maven filtering happens; {@code FrayJvmVersionTest} keeps it equal to the root pom's
 * {@code <version>}.
 */
public final class FrayJvmVersion {

    /** The fray-jvm version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private FrayJvmVersion() {
    }
}
