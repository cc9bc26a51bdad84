package dev.fray.sdk.integrity;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.Utf8Order;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks machine logs against what was recorded about them: fray-jvm's per-machine {@link IntegrityLedger} and
 * fray's {@code shared/checksums.json} (read only, never written). Returns findings; it never repairs anything and
 * never fails on a mismatch, only on I/O errors of the logs themselves.
 */
public final class IntegrityVerifier {

    private IntegrityVerifier() {
    }

    /** Every machine's ledger, then fray's checksums file. */
    public static List<IntegrityFinding> verifyAll(ChannelPaths paths) throws IOException {
        List<IntegrityFinding> findings = new ArrayList<>();
        for (String machine : machines(paths)) {
            findings.addAll(verifyMachine(paths, machine));
        }
        findings.addAll(verifyFrayChecksums(paths));
        return findings;
    }

    /**
     * Checks each log named in the machine's ledger: its first {@code lines} lines must occupy exactly
     * {@code bytes} bytes and hash to {@code chain}. A log that grew since is fine; a missing log, a log shorter
     * than the claim, or different content is a finding. No ledger: nothing to check.
     */
    public static List<IntegrityFinding> verifyMachine(ChannelPaths paths, String machine) throws IOException {
        Path ledgerFile = paths.integrityLedger(machine);
        Map<String, LedgerEntry> entries;
        try {
            entries = IntegrityLedger.readLocked(paths, machine);
        } catch (IOException e) {
            return List.of(new IntegrityFinding(machine, ChannelPaths.INTEGRITY_LEDGER,
                    "ledger unreadable: " + e.getMessage()));
        }
        List<IntegrityFinding> findings = new ArrayList<>();
        for (Map.Entry<String, LedgerEntry> e : entries.entrySet()) {
            String file = e.getKey();
            LedgerEntry claim = e.getValue();
            if (!isPlainFileName(file)) {
                findings.add(new IntegrityFinding(machine, ChannelPaths.INTEGRITY_LEDGER,
                        "ledger names an invalid file " + file));
                continue;
            }
            Path log = paths.machineDir(machine).resolve(file);
            long size;
            try {
                size = Files.size(log);
            } catch (NoSuchFileException missing) {
                findings.add(new IntegrityFinding(machine, file, "log is missing; the ledger records "
                        + claim.lines() + " lines (" + claim.bytes() + " bytes)"));
                continue;
            }
            if (size < claim.bytes()) {
                findings.add(new IntegrityFinding(machine, file, "log is " + size + " bytes, shorter than the "
                        + claim.bytes() + " bytes (" + claim.lines() + " lines) the ledger records: truncated or "
                        + "replaced"));
                continue;
            }
            LineChain chain = LineChain.empty();
            IntegrityLedger.hashRange(log, 0, claim.bytes(), chain);
            if (chain.pendingBytes() != 0 || chain.lines() != claim.lines()) {
                findings.add(new IntegrityFinding(machine, file, "the first " + claim.bytes() + " bytes hold "
                        + chain.lines() + " complete lines" + (chain.pendingBytes() != 0 ? " and a partial one" : "")
                        + ", the ledger records " + claim.lines() + " lines: lines were modified, inserted or "
                        + "removed"));
            } else if (!chain.chainHex().equals(claim.chain())) {
                findings.add(new IntegrityFinding(machine, file, "the first " + claim.lines()
                        + " lines do not hash to the ledger's chain: a line was modified"));
            }
        }
        return findings;
    }

    /**
     * Checks fray's {@code shared/checksums.json} (machine → file → {sha256, lines, mtime}) where the log has not
     * been modified after the recorded mtime (fray itself treats a newer file as a write race and recomputes).
     */
    public static List<IntegrityFinding> verifyFrayChecksums(ChannelPaths paths) throws IOException {
        Path file = paths.frayChecksums();
        String name = ChannelPaths.FRAY_CHECKSUMS_FILE;
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return List.of(new IntegrityFinding(null, name, "empty file"));
            }
            root = FrayJson.mapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (JacksonException e) {
            return List.of(new IntegrityFinding(null, name, "not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return List.of(new IntegrityFinding(null, name, "expected a JSON object"));
        }
        List<IntegrityFinding> findings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> machineEntry : root.properties()) {
            String machine = machineEntry.getKey();
            if (!isPlainFileName(machine) || !machineEntry.getValue().isObject()) {
                findings.add(new IntegrityFinding(null, name, "invalid entry for machine " + machine));
                continue;
            }
            for (Map.Entry<String, JsonNode> fileEntry : machineEntry.getValue().properties()) {
                IntegrityFinding finding = checkFrayEntry(paths, machine, fileEntry.getKey(), fileEntry.getValue());
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }

    private static IntegrityFinding checkFrayEntry(ChannelPaths paths, String machine, String file, JsonNode entry)
            throws IOException {
        JsonNode sha = entry.get("sha256");
        JsonNode lines = entry.get("lines");
        JsonNode mtime = entry.get("mtime");
        if (!isPlainFileName(file) || sha == null || !sha.isTextual() || lines == null || !lines.isIntegralNumber()
                || mtime == null || !mtime.isIntegralNumber()) {
            return new IntegrityFinding(machine, file, "malformed entry in " + ChannelPaths.FRAY_CHECKSUMS_FILE
                    + ": " + entry);
        }
        Path log = paths.machineDir(machine).resolve(file);
        long modified;
        try {
            modified = Files.getLastModifiedTime(log).toMillis();
        } catch (NoSuchFileException e) {
            return new IntegrityFinding(machine, file, "log is missing but " + ChannelPaths.FRAY_CHECKSUMS_FILE
                    + " records it");
        }
        if (mtime.longValue() == 0 || modified > mtime.longValue()) {
            return null; // newer than the record: fray recomputes silently, so there is nothing to compare
        }
        MessageDigest digest = LineChain.sha256();
        long newlines = 0;
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                for (int i = buffer.position(); i < buffer.limit(); i++) {
                    if (buffer.get(i) == '\n') {
                        newlines++;
                    }
                }
                digest.update(buffer);
                buffer.clear();
            }
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(sha.textValue()) || newlines != lines.longValue()) {
            return new IntegrityFinding(machine, file, "differs from " + ChannelPaths.FRAY_CHECKSUMS_FILE
                    + " (recorded " + lines.longValue() + " lines, sha256 " + sha.textValue() + "; found "
                    + newlines + " lines, sha256 " + actual + ") although not modified since");
        }
        return null;
    }

    private static List<String> machines(ChannelPaths paths) throws IOException {
        Path dir = paths.machinesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            entries.forEach(p -> ids.add(p.getFileName().toString()));
        }
        ids.sort(Utf8Order::compare);
        return ids;
    }

    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }
}
