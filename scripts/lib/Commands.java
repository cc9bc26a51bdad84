import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.ProjectLocator;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The command-line conventions every fray-jvm script shares (brought in by {@code FraySdk.java}): a one-line
 * {@code error: …} on stderr instead of a stack trace, exit code 3 when the channel cannot be used (an I/O problem:
 * no {@code .fray/}, mixed layouts, a machine that has not joined), and the channel found the way fray finds it.
 */
final class Commands {

    /** Exit code for "not a usable channel"; picocli keeps 1 for internal errors and 2 for bad command lines. */
    static final int NOT_A_CHANNEL = 3;

    private Commands() {
    }

    /** Runs a picocli command with these conventions and exits with its code. */
    static void run(Object command, String[] args) {
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e : e.getMessage()));
            return e instanceof IOException ? NOT_A_CHANNEL : cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        System.exit(cli.execute(args));
    }

    /** The channel of {@code --project DIR}, or of the working directory, searching upwards for {@code .fray/}. */
    static ChannelPaths channel(Path project) throws IOException {
        return project == null ? ProjectLocator.locateFromWorkingDirectory() : ProjectLocator.locate(project);
    }
}
