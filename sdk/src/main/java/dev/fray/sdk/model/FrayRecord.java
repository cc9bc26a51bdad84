package dev.fray.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One line of a fray JSONL log, decoded.
 *
 * <p>The record types of the four shared logs ({@code messages}, {@code threads}, {@code questions},
 * {@code agent-state}) and {@code agent}/{@code agent_update} of the runtime log have a typed Java record each. Every
 * other line with a string {@code type} — runtime events fray-jvm does not interpret ({@code session_*},
 * {@code usage_snapshot}, {@code wake_condition*}, {@code job_*}, {@code permission_*}) and types no version of
 * fray-jvm knows — is a {@link RawRecord} holding the original JSON object, so nothing is ever dropped.
 *
 * <p>Unknown keys on typed records are kept in {@link #extra()} (fray itself drops them) so that rewriting a log, e.g.
 * during migration, never loses data. They are written back after the known keys.
 */
public sealed interface FrayRecord permits
        Agent, AgentDescriptor, AgentFave, AgentUnfave, AgentUpdate, CursorClear, FaveRemove, GhostCursor, Message, MessageDelete, MessageMove, MessagePin, MessageUnpin, MessageUpdate, Question, QuestionUpdate, Reaction, RoleDrop, RoleHold, RolePlay, RoleRelease, RoleStop, Thread, ThreadDelete, ThreadMessage, ThreadMessageRemove, ThreadMute, ThreadPin, ThreadSubscribe, ThreadUnmute, ThreadUnpin, ThreadUnsubscribe, ThreadUpdate, RawRecord {

    /**
     * The record type, or {@code null} for a {@link RawRecord} whose {@code type} is not in {@link RecordType} (an
     * unknown type is still kept: its name is {@link #typeName()}).
     */
    RecordType type();

    /** The value of the {@code "type"} key; never null. */
    default String typeName() {
        return type().wireName();
    }

    /** The machine id written in {@code origin}, or {@code null} when the line has none. */
    String origin();

    /** The integer {@code seq} of the line, or {@code null} when it has none. */
    Long seq();

    /** Keys of the line that the typed record does not model, in input order; empty, never null. */
    Map<String, JsonNode> extra();
}
