package dev.fray.sdk.query;

/** A message pinned in a thread ({@code pinnedAt} in seconds). */
public record MessagePinView(String messageGuid, String threadGuid, String pinnedBy, long pinnedAt) {
}
