package dev.fray.sdk.query;

/** A question ({@code optionsJson} as stored, a JSON array). */
public record QuestionView(String guid, String re, String fromAgent, String toAgent, String status, String threadGuid,
        String askedIn, String answeredIn, String optionsJson, long createdAt) {
}
