package dev.fray.sdk.model;

/**
 * Every JSONL log fray keeps, with its file name. The single source of truth for log file names.
 *
 * <p>In v1 all logs sit at the channel root ({@code .fray/}). In v2 the four {@link #isSharedV2() shared} logs live
 * in {@code shared/machines/<machine-id>/}, the runtime log in {@code local/}, and permissions stay at the root.
 */
public enum LogFile {
    MESSAGES("messages.jsonl"),
    THREADS("threads.jsonl"),
    QUESTIONS("questions.jsonl"),
    /** v2 only: shared per-agent state (cursors, faves, roles, descriptors). */
    AGENT_STATE("agent-state.jsonl"),
    /** v1 only: agents, runtime and per-agent state in one file. */
    AGENTS("agents.jsonl"),
    /** v2 only: machine-local runtime, {@code local/runtime.jsonl}. */
    RUNTIME("runtime.jsonl"),
    /** Both layouts, always at the channel root. */
    PERMISSIONS("permissions.jsonl");

    private final String fileName;

    LogFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The logs every machine keeps under {@code shared/machines/<id>/} in v2, in fray's reading order. */
    public static final java.util.List<LogFile> SHARED_V2 = java.util.List.of(MESSAGES, THREADS, QUESTIONS, AGENT_STATE);

    /** The logs of a v1 channel that take part in its rebuild, at the channel root. */
    public static final java.util.List<LogFile> LEGACY_V1 = java.util.List.of(MESSAGES, THREADS, QUESTIONS, AGENTS);

    public boolean isSharedV2() {
        return SHARED_V2.contains(this);
    }

    public static LogFile byFileName(String name) {
        for (LogFile f : values()) {
            if (f.fileName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
