package dev.fray.sdk.fold;

import java.util.List;

/**
 * The same GUID in {@code message}/{@code thread}/{@code question} records of two or more machine directories
 * (reference §7.5). {@code entries} are sorted by machine; each is that machine's first occurrence.
 */
public record GuidCollision(String type, String guid, List<Entry> entries) {

    /** A machine's first record with the GUID: its merge timestamp and a short preview. */
    public record Entry(String machine, long ts, String preview) {
    }
}
