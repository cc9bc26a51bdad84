// The one include file that gives a jbang script the whole fray-jvm SDK: every script needs only
//     //SOURCES lib/FraySdk.java
// Paths below are relative to this file. Versions must equal the root pom.xml <properties>: jbang cannot read a POM,
// so DepsVersionTest (sdk tests) fails the Maven build when a //DEPS line and the POM disagree or a dependency is
// missing here.
//
// The installed JDK is used when it is 17 or newer; --release 17 keeps a newer JDK from accepting newer APIs.
//JAVA 17+
//COMPILE_OPTIONS --release 17
//
//DEPS com.fasterxml.jackson.core:jackson-databind:2.23.0
//DEPS org.xerial:sqlite-jdbc:3.54.1.0
//DEPS org.jdbi:jdbi3-core:3.55.0
//DEPS net.java.dev.jna:jna:5.19.1
//DEPS org.slf4j:slf4j-api:2.0.20
//DEPS info.picocli:picocli:4.7.7
//DEPS org.slf4j:slf4j-simple:2.0.20
//
// `**.java`, not `**/*.java`: the latter would miss files directly in the base directory. The SDK has no
// src/main/resources yet; when it gets one, add `//FILES ../../sdk/src/main/resources/**` (a glob over a missing
// directory is a hard error in jbang, so the line cannot be added in advance). DepsVersionTest checks this.
//SOURCES ../../spi/src/main/java/**.java
//SOURCES ../../sdk/src/main/java/**.java
// The command-line conventions shared by every script (error output, exit codes, finding the channel).
//SOURCES Commands.java
//
// Scripts log through slf4j-simple: warnings and errors only, on stderr, so stdout stays clean for --json.
//RUNTIME_OPTIONS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err

/** Carries the jbang directives above; scripts use the SDK's own packages, not this class. */
final class FraySdk {
    private FraySdk() {
    }
}
