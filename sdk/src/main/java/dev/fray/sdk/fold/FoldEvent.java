package dev.fray.sdk.fold;

import dev.fray.sdk.model.RecordType;
import java.util.Map;

/**
 * One record handed to an entity fold, in merge order: its type, decoded fields, merge timestamp (v2; 0 in v1),
 * machine directory (v2 shared logs; {@code null} otherwise) and 0-based line index in its file.
 */
record FoldEvent(RecordType type, Map<String, Object> fields, long mergeTs, String machine, int lineIndex) {
}
