package dev.fray.sdk.cache.rows;

/** {@code fray_ghost_cursors}. */
public record GhostCursorRow(String agentId, String home, String messageGuid, boolean mustRead, long setAt)
        implements CacheRow {
}
