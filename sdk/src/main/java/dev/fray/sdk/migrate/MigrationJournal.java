package dev.fray.sdk.migrate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.json.FrayJson;
import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.layout.ChannelPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code .fray/migrate-v2.journal.json}: written durably before migration creates anything, removed after its last
 * step. It records the machine id and which of the directories migration needs already existed, so that after a
 * crash the next run removes exactly what the attempt created: never a directory that was there before (for
 * example a {@code local/} holding fray-jvm's cache), never a file migration does not write.
 *
 * @param machineId         the id the interrupted attempt was migrating to
 * @param createdSharedDir  {@code shared/} did not exist before the attempt
 * @param createdMachinesDir {@code shared/machines/} did not exist before the attempt
 * @param createdLocalDir   {@code local/} did not exist before the attempt
 */
record MigrationJournal(String machineId, boolean createdSharedDir, boolean createdMachinesDir,
        boolean createdLocalDir) {

    private static final int FORMAT = 1;

    /** The journal for an attempt starting now, from what exists on disk. */
    static MigrationJournal begin(ChannelPaths paths, String machineId) {
        return new MigrationJournal(machineId, !Files.isDirectory(paths.sharedDir()),
                !Files.isDirectory(paths.machinesDir()), !Files.isDirectory(paths.localDir()));
    }

    static Optional<MigrationJournal> read(ChannelPaths paths) throws IOException {
        Path file = paths.migrationJournal();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            JsonNode root = FrayJson.mapper().readTree(bytes);
            JsonNode id = root == null ? null : root.get("machine_id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                throw new MigrationRefusedException(file + ": no \"machine_id\"; this journal of an interrupted "
                        + "migration is damaged. Inspect shared/ and local/, remove what the interrupted migration "
                        + "created, then delete " + file + " and migrate again.");
            }
            return Optional.of(new MigrationJournal(id.textValue(), flag(root, "created_shared_dir"),
                    flag(root, "created_machines_dir"), flag(root, "created_local_dir")));
        } catch (JacksonException e) {
            // The journal is written atomically, so this is not a torn write of ours.
            throw new MigrationRefusedException(file + ": not valid JSON (" + e.getOriginalMessage() + "); this "
                    + "journal of an interrupted migration is damaged. Inspect shared/ and local/, remove what the "
                    + "interrupted migration created, then delete " + file + " and migrate again.");
        }
    }

    private static boolean flag(JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n != null && n.asBoolean(false);
    }

    void write(ChannelPaths paths) throws IOException {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("machine_id", machineId);
        root.put("created_shared_dir", createdSharedDir);
        root.put("created_machines_dir", createdMachinesDir);
        root.put("created_local_dir", createdLocalDir);
        DurableFiles.writeAtomically(paths.migrationJournal(), GoJson.pretty(root));
    }

    static void remove(ChannelPaths paths) throws IOException {
        if (Files.deleteIfExists(paths.migrationJournal())) {
            DurableFiles.fsyncDirectory(paths.frayDir());
        }
    }
}
