package dev.fray.examples.embedding;

import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.layout.ChannelInit;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.Message;
import dev.fray.sdk.query.CacheQueries;
import dev.fray.sdk.query.MentionRoutingRule;
import dev.fray.sdk.query.MessageQuery;
import dev.fray.sdk.query.MessageView;
import dev.fray.sdk.rebuild.Rebuilder;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How an agent harness embeds the SDK: two machines share one channel through a synced folder.
 *
 * <p>{@code laptop} creates the channel and posts; its {@code .fray/shared/} is copied to {@code server}'s checkout
 * (what git, Syncthing or a cloud drive would do); {@code server} joins as a machine, rebuilds, and answers with a
 * mention scoped to the laptop's agent; the copy goes back; the laptop rebuilds and asks the cache which messages
 * are addressed to its agent on this machine.
 */
public final class TwoMachineChannel {

    private TwoMachineChannel() {
    }

    /** Runs the scenario in {@code workDir} and returns the messages addressed to {@code opus} on the laptop. */
    public static List<MessageView> run(Path workDir, PrintStream out) throws IOException {
        Path laptopProject = Files.createDirectories(workDir.resolve("laptop"));
        Path serverProject = Files.createDirectories(workDir.resolve("server"));
        Set<String> agents = Set.of("opus", "sonnet", "human");

        // 1. the laptop creates a multi-machine channel and posts
        ChannelPaths laptop = ChannelInit.createMultiMachine(laptopProject, "demo-team", "laptop");
        Message question;
        try (ChannelWriter laptopWriter = ChannelWriter.open(laptop)) { // a session: close it when done writing
            question = laptopWriter.post(MessageDraft.of("opus", "@sonnet can you run the load test?")
                    .withKnownAgents(agents).toMessage("demo-team", laptopWriter.clock()));
        }
        out.println("laptop posted " + question.id() + " mentioning " + question.mentions());

        // 2. the synced folder carries the shared logs (never local/) to the server, which joins
        syncShared(laptop, ChannelPaths.ofProjectRoot(serverProject));
        ChannelPaths server = ChannelPaths.ofProjectRoot(serverProject);
        MachineInit.init(server, "server");
        Rebuilder.rebuildIfStale(server);
        Message answer;
        try (ChannelWriter serverWriter = ChannelWriter.open(server)) {
            answer = serverWriter.post(MessageDraft.of("sonnet", "@opus@laptop done: p99 is 41 ms")
                    .replyingTo(question.id()).withKnownAgents(agents).toMessage("demo-team", serverWriter.clock()));
            serverWriter.post(MessageDraft.of("sonnet", "@opus@server nobody runs you here")
                    .withKnownAgents(agents).toMessage("demo-team", serverWriter.clock()));
        }
        out.println("server replied " + answer.id() + " mentioning " + answer.mentions());

        // 3. back to the laptop: rebuild, then route mentions for the agent that runs here
        syncShared(server, laptop);
        var report = Rebuilder.rebuildIfStale(laptop);
        out.println("laptop rebuilt from machines " + report.machines() + ": "
                + report.rowsPerTable().get("fray_messages") + " messages");
        List<MessageView> forOpus = CacheQueries.of(laptop).mentionsOf(
                new MentionRoutingRule("opus", "laptop", Map.of()), MessageQuery.unarchived());
        forOpus.forEach(m -> out.println("for opus on laptop: [" + m.origin() + "] " + m.fromAgent() + ": " + m.body()));
        return forOpus;
    }

    /** Copies {@code from}'s shared tree over {@code to}'s, as a file-sync tool would (whole files, newer wins). */
    static void syncShared(ChannelPaths from, ChannelPaths to) throws IOException {
        Files.createDirectories(to.frayDir());
        Files.copy(from.config(), to.config(), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.walk(from.sharedDir())) {
            for (Path source : files.toList()) {
                Path target = to.sharedDir().resolve(from.sharedDir().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fray-two-machines");
        run(dir, System.out);
    }
}
