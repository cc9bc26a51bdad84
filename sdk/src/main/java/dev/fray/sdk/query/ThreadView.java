package dev.fray.sdk.query;

import java.util.List;

/** A thread with its subscribers (agent ids in UTF-8 byte order). */
public record ThreadView(String guid, String name, String parentThread, String status, String type, long createdAt,
        String anchorMessageGuid, boolean anchorHidden, Long lastActivityAt, List<String> subscribers) {

    public ThreadView {
        subscribers = List.copyOf(subscribers);
    }
}
