package dev.fray.sdk.fold;

import dev.fray.sdk.cache.rows.ReactionRow;
import java.util.Map;

/**
 * One reaction: every {@code reaction} record with the same (message, agent, emoji, reacted_at) gives ONE row
 * (reference §3.5.3). Deliberate difference: fray inserts duplicates with a plain INSERT and its rebuild aborts on
 * the primary key; fray-jvm keeps one. Reactions are not filtered by the message's existence or deletion.
 */
final class ReactionFold implements EntityFold {

    private Map<String, Object> first;

    @Override
    public void apply(FoldEvent e) {
        if (first == null) {
            first = e.fields();
        }
    }

    @Override
    public void finish(FoldContext out) {
        if (first != null) {
            out.emit(new ReactionRow(Fields.strOrEmpty(first, "message_guid"), Fields.strOrEmpty(first, "agent_id"),
                    Fields.strOrEmpty(first, "emoji"), Fields.lngOrZero(first, "reacted_at")));
        }
    }
}
