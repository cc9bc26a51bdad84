package dev.fray.sdk.storage;

import dev.fray.sdk.integrity.IntegrityLedger;
import dev.fray.sdk.io.LogAppender;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.spi.LogAddress;
import dev.fray.spi.StorageBackend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The default {@link StorageBackend}: a channel's {@code .fray/} directory on a local file system.
 *
 * <p>Machine-scoped logs map to {@code shared/machines/<machine>/<file>}; unscoped logs map to
 * {@code local/runtime.jsonl} for the runtime log and to the channel root for everything else (v1 logs and
 * {@code permissions.jsonl}).
 */
public class DirectoryStorageBackend implements StorageBackend {

    private final ChannelPaths paths;

    public DirectoryStorageBackend(ChannelPaths paths) {
        this.paths = paths;
    }

    public ChannelPaths paths() {
        return paths;
    }

    @Override
    public String name() {
        return "directory";
    }

    /** Every subdirectory of {@code shared/machines/} is a machine, as in fray; plain files there are ignored. */
    @Override
    public List<String> machines() throws IOException {
        Path dir = paths.machinesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory).forEach(p -> ids.add(p.getFileName().toString()));
        }
        return ids;
    }

    /** The file a log address stands for. */
    public Path pathOf(LogAddress log) {
        requirePlainName(log.file(), log);
        if (log.machine() != null) {
            requirePlainName(log.machine(), log);
            return paths.machineDir(log.machine()).resolve(log.file());
        }
        if (log.file().equals(paths.runtimeLog().getFileName().toString())) {
            return paths.runtimeLog();
        }
        return paths.frayDir().resolve(log.file());
    }

    @Override
    public LogStat stat(LogAddress log) throws IOException {
        try {
            BasicFileAttributes attrs = Files.readAttributes(pathOf(log), BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return LogStat.ABSENT;
            }
            return new LogStat(true, attrs.size(), attrs.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return LogStat.ABSENT;
        }
    }

    @Override
    public SeekableByteChannel openForRead(LogAddress log) throws IOException {
        return FileChannel.open(pathOf(log), StandardOpenOption.READ);
    }

    /**
     * Appends through {@link LogAppender}: the log's flock (fray's lock), one write, fsync, and a directory fsync
     * when the file is new. Logs of a machine directory also keep that machine's {@link IntegrityLedger} current.
     */
    @Override
    public void append(LogAddress log, ByteBuffer records) throws IOException {
        Path file = pathOf(log); // validates the address before anything touches the disk
        if (log.machine() != null) {
            LogAppender.appendBatch(file, records, IntegrityLedger.updater(paths, log.machine()));
        } else {
            LogAppender.appendBatch(file, records);
        }
    }

    /**
     * A session for a writer that appends many times: the same appends as {@link #append}, with files held open
     * between them. The caller closes it. Only where {@link DirectoryAppendSession#isSupported()}.
     */
    public DirectoryAppendSession openAppendSession() {
        return new DirectoryAppendSession(this);
    }

    /** A log address names files inside the channel; a path separator or dot name would escape it. */
    private static void requirePlainName(String name, LogAddress log) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("log address " + log + " is not a plain file or machine name");
        }
    }
}
