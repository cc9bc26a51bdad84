package dev.fray.sdk.identity;

import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.layout.ChannelPaths;
import dev.fray.sdk.layout.GitIgnoreFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Makes this checkout a machine of a v2 channel (fray's join flow, and the identity step of migration): validates
 * the id, refuses one that another machine already uses, creates {@code shared/machines/<id>/}, writes
 * {@code local/machine-id} with {@code seq} 0, and makes sure {@code .fray/.gitignore} keeps {@code local/} and the
 * cache out of version control. It does not set {@code storage_version} or write the {@code .v2} sentinel.
 */
public final class MachineInit {

    private MachineInit() {
    }

    /** Creates machine {@code id} for this checkout and returns its identity. */
    public static MachineIdentity init(ChannelPaths paths, String id) throws IOException {
        return init(paths, id, Clock.systemUTC());
    }

    static MachineIdentity init(ChannelPaths paths, String id, Clock clock) throws IOException {
        MachineIds.validate(id);
        var existingIdentity = MachineIdFile.read(paths);
        if (existingIdentity.isPresent()) {
            throw new AlreadyJoinedException(paths.machineIdFile(), existingIdentity.get().id());
        }
        Path taken = existingMachineDir(paths, id);
        if (taken != null) {
            throw new MachineExistsException(id, taken);
        }
        DurableFiles.createDirectoriesDurably(paths.machinesDir());
        Path machineDir = paths.machineDir(id);
        try {
            Files.createDirectory(machineDir); // atomic: two machines racing on one checkout cannot both win
        } catch (FileAlreadyExistsException e) {
            throw new MachineExistsException(id, machineDir);
        }
        DurableFiles.fsyncDirectory(paths.machinesDir());
        MachineIdentity identity = new MachineIdentity(id, 0, clock.instant().getEpochSecond());
        if (!MachineIdFile.createIfAbsent(paths, identity)) {
            Files.deleteIfExists(machineDir); // still empty: we created it just now
            String other = MachineIdFile.read(paths).map(MachineIdentity::id).orElse("?");
            throw new AlreadyJoinedException(paths.machineIdFile(), other);
        }
        GitIgnoreFile.ensure(paths);
        return identity;
    }

    /**
     * The directory under {@code shared/machines/} whose name equals {@code id} ignoring case, or null: an id that
     * is taken (also used by migration, which creates a machine the same way).
     */
    public static Path existingMachineDir(ChannelPaths paths, String id) throws IOException {
        Path dir = paths.machinesDir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        String folded = id.toLowerCase(Locale.ROOT);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).equals(folded)) {
                    return entry;
                }
            }
        }
        return null;
    }
}
