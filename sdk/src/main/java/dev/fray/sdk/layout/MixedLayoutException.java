package dev.fray.sdk.layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The channel is marked multi-machine (the {@code shared/.v2} sentinel exists) but still has legacy v1 logs at its
 * root. fray refuses to open such a project; so does fray-jvm, because it cannot tell which copy is current.
 */
public final class MixedLayoutException extends IOException {

    private final List<Path> legacyFiles;

    public MixedLayoutException(Path sentinel, List<Path> legacyFiles) {
        super("legacy JSONL files detected in multi-machine project ("
                + legacyFiles.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + "). The sentinel " + sentinel + " says this channel uses per-machine logs, but "
                + legacyFiles.stream().map(Path::toString).collect(Collectors.joining(", "))
                + " also exist. Remove the legacy files (after checking their content is in shared/machines/) "
                + "or re-run `fray migrate --multi-machine`.");
        this.legacyFiles = List.copyOf(legacyFiles);
    }

    public List<Path> legacyFiles() {
        return legacyFiles;
    }
}
