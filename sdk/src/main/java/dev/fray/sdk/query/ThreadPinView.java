package dev.fray.sdk.query;

/** A pinned thread. */
public record ThreadPinView(String threadGuid, String pinnedBy, long pinnedAt) {
}
