//SOURCES lib/FraySdk.java
//MAIN fray_post
// (//MAIN is explicit because the SDK sources jbang compiles in also hold a main class: the bench worker.)
// A one-shot command: start fast rather than run fast. C1 only, the serial collector, and an AppCDS archive of the
// classes it loads (jbang writes it on the first run and uses it afterwards).
// -Xlog:cds=off,cds+dynamic=off: the archive dump warns about every pre-Java-6 class (picocli) on stdout, which
// would corrupt --json output on the first run.
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
//CDS

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.FrayConfig;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.query.AgentView;
import dev.fray.sdk.query.CacheQueries;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Posts one message to a channel, as fray post does. Thin: parsing arguments, then ChannelWriter.post. */
@Command(name = "fray-post", mixinStandardHelpOptions = true, version = "fray-post (fray-jvm)",
        description = "Post a message to a fray channel: appended durably to this machine's messages.jsonl (with an "
                + "agent_descriptor for a first-time author), mentions parsed from the body and scoped to this "
                + "machine. Prints the new message's id.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal error", "2:invalid command line",
                "3:not a usable channel (no .fray/, mixed layouts, bad config, machine not joined)"})
class fray_post implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project directory (holding .fray/) or any directory inside it. Default: the current "
                    + "directory, searching upwards.")
    Path project;

    @Option(names = "--as", required = true, paramLabel = "AGENT", description = "The posting agent's id.")
    String agent;

    @Option(names = "--thread", paramLabel = "GUID", description = "Post into this thread instead of the room.")
    String thread;

    @Option(names = "--reply-to", paramLabel = "GUID", description = "The message this one replies to.")
    String replyTo;

    @Option(names = "--json", description = "Print the message as written (one JSON object) instead of its id.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "BODY", description = "The message text (words are joined by spaces).")
    List<String> body;

    public static void main(String[] args) {
        Commands.run(new fray_post(), args);
    }

    @Override
    public Integer call() throws IOException {
        ChannelPaths paths = Commands.channel(project);
        String text = String.join(" ", body);
        MessageDraft draft = MessageDraft.of(agent, text).inHome(thread).withKnownAgents(knownAgents(paths, text));
        if (replyTo != null) {
            draft = draft.replyingTo(replyTo);
        }
        String channelId = FrayConfig.read(paths).channelId().orElse("");
        Message written;
        try (ChannelWriter writer = ChannelWriter.open(paths)) {
            written = writer.post(draft.toMessage(channelId, writer.clock()));
        }
        if (json) {
            System.out.print(new String(dev.fray.sdk.json.RecordCodec.encode(written),
                    java.nio.charset.StandardCharsets.UTF_8));
        } else {
            System.out.println(written.id());
        }
        return 0;
    }

    /**
     * The agents the cache knows, which decide what counts as a mention and what {@code @all} expands to; none
     * without a cache (any plausible name is a mention then, as in fray). Only read when the body can mention anyone:
     * opening the cache loads SQLite and Jdbi, which costs more than the whole post.
     */
    private static Set<String> knownAgents(ChannelPaths paths, String text) {
        if (text.indexOf('@') < 0 || !Files.exists(paths.cacheDb())) {
            return Set.of();
        }
        return CacheQueries.of(paths).agents().stream().map(AgentView::agentId).collect(Collectors.toSet());
    }
}
