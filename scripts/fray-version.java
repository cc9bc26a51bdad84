//SOURCES lib/FraySdk.java
//MAIN fray_version
// (//MAIN is explicit because the SDK sources jbang compiles in also hold a main class: the bench worker.)

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fray.sdk.FrayJvmVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the versions fray-jvm runs with. Also the smallest end-to-end check that the include file works: it
 * compiles the SDK from source and loads Jackson, Jdbi and sqlite-jdbc (with its native library) from //DEPS.
 */
@Command(name = "fray-version", mixinStandardHelpOptions = true,
        versionProvider = fray_version.Version.class,
        description = "Print the versions of fray-jvm, Java, Jackson, sqlite-jdbc/SQLite and Jdbi.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error (e.g. the SQLite native library failed to load)",
                "2:invalid command line"})
class fray_version implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object on stdout instead of text.")
    boolean json;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new fray_version());
        // One line on stderr instead of a stack trace: the message is what a user can act on.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e);
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("schemaVersion", 1);
        versions.put("frayJvm", FrayJvmVersion.VERSION);
        versions.put("java", Runtime.version().toString());
        versions.put("javaVendor", System.getProperty("java.vendor"));
        versions.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        versions.put("sqliteJdbc", org.sqlite.SQLiteJDBCLoader.getVersion());
        // Through Jdbi on a real (in-memory) connection: proves the driver's native library loads here.
        versions.put("sqlite", Jdbi.create("jdbc:sqlite::memory:")
                .withHandle(h -> h.createQuery("select sqlite_version()").mapTo(String.class).one()));
        versions.put("jdbi", Jdbi.class.getPackage().getImplementationVersion());

        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(versions));
        } else {
            versions.remove("schemaVersion");
            versions.forEach((name, value) -> System.out.printf("%-12s %s%n", name, value));
        }
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fray-jvm " + FrayJvmVersion.VERSION};
        }
    }
}
