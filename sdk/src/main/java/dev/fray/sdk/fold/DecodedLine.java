package dev.fray.sdk.fold;

/**
 * One event's line as pass 2 read it, before anything about it is reported: the fold event, or why the line cannot
 * be used. Reporting (and marking the event rejected) is left to the folding thread, in fold order, so the report is
 * the same whichever thread decoded the line.
 *
 * @param event       the decoded event; {@code null} when the line did not decode
 * @param decodeError why the line is not one JSON object, or {@code null}
 * @param rejection   for a line not validated in pass 1: the reader's warning if it is not a valid record of its
 *                    type ({@link dev.fray.sdk.read.LogReader#rejection}), else {@code null}
 */
record DecodedLine(FoldEvent event, String decodeError, String rejection) {

    /**
     * A line left for the folding thread to decode if it needs it: a line validated in pass 1 of a last-event-wins
     * entity, which is usually never needed ({@link ChannelFold}'s last-event fold).
     */
    static final DecodedLine NOT_DECODED = new DecodedLine(null, null, null);
}
