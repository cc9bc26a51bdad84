//SOURCES lib/FraySdk.java
//MAIN fray_rebuild
// (//MAIN is explicit because the SDK sources jbang compiles in also hold a main class: the bench worker.)
// AppCDS: jbang archives the classes a run loads (first run) and maps them afterwards, which trims start-up; the
// archive dump would warn about every pre-Java-6 class (picocli) on stdout, so cds logging is off.
//JAVA_OPTIONS -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
//CDS

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.rebuild.RebuildReport;
import dev.fray.sdk.rebuild.RebuildReportFormat;
import dev.fray.sdk.rebuild.Rebuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Brings a channel's cache up to date and says what it read. Thin: parsing arguments, then the SDK. */
@Command(name = "fray-rebuild", mixinStandardHelpOptions = true, version = "fray-rebuild (fray-jvm)",
        description = "Rebuild the SQLite cache (.fray/local/fray.db) of a fray channel from every machine's logs, "
                + "if any log changed since the last build (--force: always). Prints machines, events read per "
                + "file, rows per table, warnings and time.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (warnings about skipped lines do not change this)", "1:internal error",
                "2:invalid command line", "3:not a usable channel (no .fray/, mixed layouts, bad config)"})
class fray_rebuild implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project directory (holding .fray/) or any directory inside it. Default: the current "
                    + "directory, searching upwards.")
    Path project;

    @Option(names = "--force", description = "Rebuild even if the cache is up to date.")
    boolean force;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout, nothing else.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "List every warning (default: the first 20).")
    boolean verbose;

    public static void main(String[] args) {
        Commands.run(new fray_rebuild(), args);
    }

    @Override
    public Integer call() throws IOException {
        ChannelPaths paths = Commands.channel(project);
        RebuildReport report = Rebuilder.rebuild(paths, force);
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(RebuildReportFormat.toJson(report)));
        } else {
            System.out.print(RebuildReportFormat.toText(report, verbose ? Integer.MAX_VALUE : 20));
        }
        return 0;
    }
}
