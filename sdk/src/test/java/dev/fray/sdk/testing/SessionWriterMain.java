package dev.fray.sdk.testing;

import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.write.ChannelWriter;
import dev.fray.sdk.write.MessageDraft;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process: opens one writer session on channel {@code args[0]}, prints "ready", waits until the file
 * {@code args[3]} exists (so that several children start appending together), then posts {@code args[2]} messages as
 * agent {@code args[1]}, body {@code "<agent> <n>"} with n counting from 0, and closes the writer.
 */
public final class SessionWriterMain {

    public static void main(String[] args) throws Exception {
        ChannelPaths paths = new ChannelPaths(Path.of(args[0]));
        String agent = args[1];
        int count = Integer.parseInt(args[2]);
        Path go = Path.of(args[3]);
        try (ChannelWriter writer = ChannelWriter.open(paths)) {
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            for (int n = 0; n < count; n++) {
                writer.post(MessageDraft.of(agent, agent + " " + n).toMessage("ch-session", writer.clock()));
            }
        }
        System.out.println("done");
    }
}
