package dev.fray.sdk.layout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fray.sdk.identity.MachineInit;
import dev.fray.sdk.io.DurableFiles;
import dev.fray.sdk.model.Guids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Creates a new multi-machine (v2) channel in a project: what {@code fray init} followed by
 * {@code fray migrate --multi-machine} leaves behind for an empty channel. The config gets fray's keys
 * ({@code version}, {@code storage_version: 2}, a fresh {@code ch-} id, the name, {@code created_at}); the
 * {@code shared/.v2} sentinel is written last, durably, because it is what makes the directory a v2 channel; this
 * machine is then joined ({@link MachineInit#init}). Other machines join the synced channel with
 * {@link MachineInit#init} alone.
 */
public final class ChannelInit {

    private ChannelInit() {
    }

    /**
     * Creates the channel under {@code projectRoot/.fray} and joins it as {@code machineId}. Refuses a project that
     * already has a {@code .fray/} directory.
     */
    public static ChannelPaths createMultiMachine(Path projectRoot, String channelName, String machineId)
            throws IOException {
        return createMultiMachine(projectRoot, channelName, machineId, Clock.systemUTC());
    }

    static ChannelPaths createMultiMachine(Path projectRoot, String channelName, String machineId, Clock clock)
            throws IOException {
        ChannelPaths paths = ChannelPaths.ofProjectRoot(projectRoot);
        if (Files.exists(paths.frayDir())) {
            throw new IOException(paths.frayDir() + " already exists: this project already has a channel");
        }
        DurableFiles.createDirectoriesDurably(paths.sharedDir());
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put(FrayConfig.VERSION, 1);
        config.put(FrayConfig.STORAGE_VERSION, 2);
        config.put(FrayConfig.CHANNEL_ID, Guids.generate(Guids.CHANNEL));
        config.put(FrayConfig.CHANNEL_NAME, channelName);
        config.put(FrayConfig.CREATED_AT, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        FrayConfig.empty().merge(config).write(paths);
        GitIgnoreFile.ensure(paths);
        DurableFiles.writeAtomically(paths.v2Sentinel(), new byte[0]);
        MachineInit.init(paths, machineId);
        return paths;
    }
}
