package dev.fray.sdk.fold;

/**
 * One event's line as pass 2 read it, before anything about it is reported: the fold event, or why the line cannot
 * be used. Reporting it (and marking the event rejected) is the fold's, in fold order ({@link ChannelFold}).
 *
 * @param event       the decoded event; {@code null} when the line did not decode
 * @param decodeError why the line is not one JSON object, or {@code null}
 * @param rejection   for a line not validated in pass 1: the reader's warning if it is not a valid record of its
 *                    type ({@link dev.fray.sdk.read.LogReader#rejection}), else {@code null}
 */
record DecodedLine(FoldEvent event, String decodeError, String rejection) {
}
