package dev.fray.sdk.cache.rows;

/** {@code fray_questions}; {@code toAgent} is the record's {@code to}. */
public record QuestionRow(String guid, String re, String fromAgent, String toAgent, String status, String threadGuid,
        String askedIn, String answeredIn, String optionsJson, long createdAt) implements CacheRow {
}
