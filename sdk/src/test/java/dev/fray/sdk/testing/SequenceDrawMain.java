package dev.fray.sdk.testing;

import dev.fray.sdk.identity.CounterSession;
import dev.fray.sdk.identity.SequenceCounter;
import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Path;

/**
 * Child process: draws {@code args[1]} sequence numbers from channel {@code args[0]}, one per line on stdout; with
 * {@code args[2]} = {@code session} through one {@link CounterSession} kept open, otherwise opening the file per draw.
 */
public final class SequenceDrawMain {

    public static void main(String[] args) throws Exception {
        ChannelPaths paths = new ChannelPaths(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        boolean session = args.length > 2 && args[2].equals("session");
        StringBuilder out = new StringBuilder();
        try (CounterSession counter = CounterSession.open(paths)) {
            for (int i = 0; i < count; i++) {
                out.append(session ? counter.reserve(1) : SequenceCounter.next(paths)).append('\n');
            }
        }
        System.out.print(out);
        System.out.flush();
    }
}
