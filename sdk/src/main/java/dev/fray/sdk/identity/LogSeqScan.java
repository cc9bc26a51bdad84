package dev.fray.sdk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.model.LogFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the highest {@code seq} a machine has written, for {@link SequenceCounter}'s recovery: in every {@code *.jsonl}
 * directly under {@code shared/machines/<id>/} (fray's recovery reads exactly these) and in {@code local/runtime.jsonl}
 * (fray-jvm stamps runtime records too). Either whole files, or only what was appended after known sizes.
 */
final class LogSeqScan {

    private LogSeqScan() {
    }

    /** The logs a machine's sequence numbers can appear in, by a name that is unique among them. */
    static Map<String, Path> logsOf(ChannelPaths paths, String machineId) throws IOException {
        Map<String, Path> logs = new LinkedHashMap<>();
        for (LogFile f : LogFile.SHARED_V2) {
            logs.put(f.fileName(), paths.machineLog(machineId, f));
        }
        Path dir = paths.machineDir(machineId);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.jsonl")) {
                for (Path log : found) {
                    logs.putIfAbsent(log.getFileName().toString(), log);
                }
            }
        }
        logs.put("local/" + LogFile.RUNTIME.fileName(), paths.runtimeLog());
        return logs;
    }

    /** The current size of each log (0 for one that does not exist). */
    static Map<String, Long> sizes(Map<String, Path> logs) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : logs.entrySet()) {
            long size;
            try {
                size = Files.size(e.getValue());
            } catch (NoSuchFileException missing) {
                size = 0;
            }
            sizes.put(e.getKey(), size);
        }
        return sizes;
    }

    /**
     * The highest integer {@code seq} in the logs, reading each one from its size in {@code since} (from the start
     * when it is not listed there or is now shorter than that: rewritten or truncated); 0 if none. A line cut by the
     * starting offset does not parse and is skipped: it was being appended while the sizes were taken, so its number
     * was drawn before them.
     */
    static long highestSeq(Map<String, Path> logs, Map<String, Long> since) throws IOException {
        long max = 0;
        for (Map.Entry<String, Path> e : logs.entrySet()) {
            Long from = since == null ? null : since.get(e.getKey());
            max = Math.max(max, highestSeqIn(e.getValue(), from == null ? 0 : from));
        }
        return max;
    }

    private static long highestSeqIn(Path log, long from) throws IOException {
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        long max = 0;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            if (channel.size() < from) {
                from = 0;
            }
            channel.position(from);
            BufferedReader reader = new BufferedReader(Channels.newReader(channel,
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE), -1), 64 * 1024);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                max = Math.max(max, seqOf(line));
            }
        }
        return max;
    }

    private static long seqOf(String line) {
        if (!line.contains("\"seq\"")) {
            return 0;
        }
        try {
            JsonNode node = FrayJson.mapper().readTree(line);
            JsonNode seq = node == null ? null : node.get("seq");
            return seq != null && seq.isIntegralNumber() && seq.canConvertToLong() ? seq.longValue() : 0;
        } catch (IOException e) {
            return 0; // a damaged or cut line carries no usable number; readers skip it as well
        }
    }
}
