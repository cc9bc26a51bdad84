package dev.fray.sdk.query;

/**
 * Options of a message listing. Results are always ordered {@code ts ASC, guid ASC} (fray's listing order).
 *
 * @param includeArchived also return messages with {@code archived_at} set (fray lists unarchived ones by default)
 * @param limit           0 = no limit; otherwise at most this many: the <em>latest</em> ones when there is no cursor,
 *                        the <em>first</em> ones after the cursor when there is one (paging forward)
 * @param sinceTs         cursor: only messages strictly after ({@code sinceTs}, {@code sinceGuid}) in listing order;
 *                        null = from the beginning
 * @param sinceGuid       the cursor's guid (required with {@code sinceTs})
 */
public record MessageQuery(boolean includeArchived, int limit, Long sinceTs, String sinceGuid) {

    public MessageQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        if ((sinceTs == null) != (sinceGuid == null)) {
            throw new IllegalArgumentException("a cursor needs both sinceTs and sinceGuid");
        }
    }

    /** Every unarchived message. */
    public static MessageQuery unarchived() {
        return new MessageQuery(false, 0, null, null);
    }

    /** Every message, archived or not. */
    public static MessageQuery everything() {
        return new MessageQuery(true, 0, null, null);
    }

    public MessageQuery withLimit(int newLimit) {
        return new MessageQuery(includeArchived, newLimit, sinceTs, sinceGuid);
    }

    /** Only messages after the given one in listing order. */
    public MessageQuery after(long ts, String guid) {
        return new MessageQuery(includeArchived, limit, ts, guid);
    }

    boolean hasCursor() {
        return sinceTs != null;
    }
}
