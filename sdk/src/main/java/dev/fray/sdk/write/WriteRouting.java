package dev.fray.sdk.write;

import dev.fray.sdk.model.LogFile;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.StorageVersion;
import dev.fray.spi.LogAddress;

/**
 * Which log a record goes to (reference §1.3). The file per type and layout lives in {@link RecordType}; this only
 * turns it into a {@link LogAddress}: v2 shared logs belong to this machine's directory, everything else (v1 logs,
 * the v2 runtime log, permissions) belongs to no machine.
 */
public final class WriteRouting {

    private WriteRouting() {
    }

    public static LogAddress addressFor(RecordType type, StorageVersion version, String localMachine) {
        LogFile file = type.fileFor(version);
        if (version.isMultiMachine() && file.isSharedV2()) {
            if (localMachine == null) {
                throw new IllegalStateException("local machine id not set: a v2 channel needs .fray/local/machine-id "
                        + "before it can write shared logs (run machine init / join first)");
            }
            return LogAddress.shared(localMachine, file.fileName());
        }
        return LogAddress.unscoped(file.fileName());
    }
}
