package dev.fray.sdk.cache;

import dev.fray.sdk.cache.rows.MessageRow;

/** Test helpers for building cache rows. */
public final class Rows {

    private Rows() {
    }

    public static MessageRow message(String guid, long ts, String home, String from, String origin,
            String mentionsJson, String reactionsJson, Long archivedAt) {
        return new MessageRow(guid, ts, "ch-1", home, from, origin, null, "body of " + guid, mentionsJson, null,
                "agent", null, null, null, null, null, archivedAt, reactionsJson);
    }

    public static MessageRow message(String guid, long ts) {
        return message(guid, ts, "room", "alice", null, "[]", "{}", null);
    }
}
