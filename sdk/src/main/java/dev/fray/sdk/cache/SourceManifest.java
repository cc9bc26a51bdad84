package dev.fray.sdk.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The source logs a cache is (or would be) built from, with size, mtime and a tail fingerprint of each. Files sorted
 * by path; a missing file is simply absent (fray reads a missing log as empty), so a log appearing or disappearing
 * changes the manifest.
 */
public record SourceManifest(List<SourceSnapshot> files) {

    /** Bytes at the end of a file that go into its fingerprint. */
    public static final int TAIL_BYTES = 4096;

    public SourceManifest {
        files = files.stream().sorted(Comparator.comparing(SourceSnapshot::path)).toList();
        if (new TreeSet<>(files.stream().map(SourceSnapshot::path).toList()).size() != files.size()) {
            throw new IllegalArgumentException("duplicate path in source manifest: " + files);
        }
    }

    public static SourceManifest empty() {
        return new SourceManifest(List.of());
    }

    /**
     * Scans the given source logs (absolute, or relative to {@code frayDir}); each must lie inside {@code frayDir}.
     * Missing files are skipped. The fingerprint reads the tail as of the size just observed, so a concurrent append
     * (logs are append-only) cannot mix two states into one entry.
     */
    public static SourceManifest scan(Path frayDir, Collection<Path> sources) {
        Path root = frayDir.toAbsolutePath().normalize();
        List<SourceSnapshot> files = new ArrayList<>();
        for (Path source : sources) {
            Path file = root.resolve(source).normalize();
            if (!file.startsWith(root)) {
                throw new IllegalArgumentException("source " + file + " is outside " + root);
            }
            scanOne(root, file).ifPresent(files::add);
        }
        return new SourceManifest(files);
    }

    /** Newest mtime over all files, or 0 when there are none (fray's {@code jsonlMtime}). */
    public long newestMtimeMs() {
        return files.stream().mapToLong(SourceSnapshot::mtimeMs).max().orElse(0);
    }

    public Map<String, SourceSnapshot> byPath() {
        Map<String, SourceSnapshot> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.path(), f));
        return map;
    }

    /**
     * Why a cache built at {@code builtAtMs} from {@code built} does not reflect this (current) manifest, or empty if
     * it does. Stale when: a source is newer than the build (fray's rule); or a source's size or fingerprint changed
     * even though its mtime is older (sync tools preserve the remote mtime); or a source appeared or disappeared.
     */
    public Optional<String> changesSince(SourceManifest built, long builtAtMs) {
        for (SourceSnapshot f : files) {
            if (f.mtimeMs() > builtAtMs) {
                return Optional.of(f.path() + " modified after the cache was built (" + f.mtimeMs() + " > "
                        + builtAtMs + ")");
            }
        }
        Map<String, SourceSnapshot> before = built.byPath();
        for (SourceSnapshot f : files) {
            SourceSnapshot old = before.get(f.path());
            if (old == null) {
                return Optional.of(f.path() + " appeared");
            }
            if (!f.sameContentAs(old)) {
                return Optional.of(f.path() + " changed (size " + old.size() + " -> " + f.size() + ")");
            }
        }
        Map<String, SourceSnapshot> now = byPath();
        for (String path : before.keySet()) {
            if (!now.containsKey(path)) {
                return Optional.of(path + " disappeared");
            }
        }
        return Optional.empty();
    }

    private static Optional<SourceSnapshot> scanOne(Path root, Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return Optional.empty();
            }
            long size = ch.size();
            long mtime = attrs.lastModifiedTime().toMillis();
            return Optional.of(new SourceSnapshot(relative(root, file), size, mtime, fingerprint(ch, size)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan source " + file + ": " + e.getMessage(), e);
        }
    }

    private static String fingerprint(FileChannel ch, long size) throws IOException {
        int n = (int) Math.min(TAIL_BYTES, size);
        ByteBuffer tail = ByteBuffer.allocate(Long.BYTES + n);
        tail.putLong(size);
        long position = size - n;
        while (tail.hasRemaining()) {
            int read = ch.read(tail, position);
            if (read < 0) {
                throw new IOException("file shrank while fingerprinting (expected " + size + " bytes)");
            }
            position += read;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(tail.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
