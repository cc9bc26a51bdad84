package dev.fray.sdk.testing;

import dev.fray.sdk.io.LogAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process: appends {@code args[2]} records of {@code args[1]} bytes (newline included) to {@code args[0]},
 * each {@code {"w":"<tag>","i":<n>,"pad":"<tag repeated>"}}, so a reader can tell torn or mixed lines apart.
 */
public final class AppendMain {

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        String tag = args[3];
        for (int i = 0; i < count; i++) {
            LogAppender.appendRecord(log, record(tag, i, size));
        }
    }

    public static byte[] record(String tag, int i, int size) {
        String head = "{\"w\":\"" + tag + "\",\"i\":" + i + ",\"pad\":\"";
        String tail = "\"}\n";
        int padLength = size - head.length() - tail.length();
        StringBuilder pad = new StringBuilder(padLength);
        while (pad.length() < padLength) {
            pad.append(tag.charAt(pad.length() % tag.length()));
        }
        return (head + pad + tail).getBytes(StandardCharsets.US_ASCII);
    }
}
