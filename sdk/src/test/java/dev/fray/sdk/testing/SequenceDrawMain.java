package dev.fray.sdk.testing;

import dev.fray.sdk.identity.SequenceCounter;
import dev.fray.sdk.layout.ChannelPaths;
import java.nio.file.Path;

/** Child process: draws {@code args[1]} sequence numbers from channel {@code args[0]}, one per line on stdout. */
public final class SequenceDrawMain {

    public static void main(String[] args) throws Exception {
        ChannelPaths paths = new ChannelPaths(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(SequenceCounter.next(paths)).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }
}
