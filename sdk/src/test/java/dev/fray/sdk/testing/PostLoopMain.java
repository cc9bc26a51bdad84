package dev.fray.sdk.testing;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.nio.file.Path;

/**
 * Child process: posts messages to channel {@code args[0]} as agent {@code args[1]} until killed, body
 * {@code "<agent> <n>"} with n counting from 0, so a checker can tell whose messages are in which order. Prints
 * "ready" once the first post is durable.
 */
public final class PostLoopMain {

    public static void main(String[] args) throws Exception {
        ChannelPaths paths = new ChannelPaths(Path.of(args[0]));
        String agent = args[1];
        try (ChannelWriter writer = ChannelWriter.open(paths)) { // one session, killed with SIGKILL while open
            for (long n = 0; ; n++) {
                writer.post(MessageDraft.of(agent, agent + " " + n).toMessage("ch-crash", writer.clock()));
                if (n == 0) {
                    System.out.println("ready");
                    System.out.flush();
                }
            }
        }
    }
}
