package dev.fray.sdk.json;

import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.AgentFave;
import dev.fray.sdk.model.AgentUnfave;
import dev.fray.sdk.model.CursorClear;
import dev.fray.sdk.model.FaveRemove;
import dev.fray.sdk.model.GhostCursor;
import dev.fray.sdk.model.RecordType;
import dev.fray.sdk.model.RoleDrop;
import dev.fray.sdk.model.RoleHold;
import dev.fray.sdk.model.RolePlay;
import dev.fray.sdk.model.RoleRelease;
import dev.fray.sdk.model.RoleStop;

/**
 * Field-by-field decoding and encoding of the record types of the AgentState group, in fray's struct key order
 * (reference §2). fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) that fray's struct lacks come
 * after fray's keys; unknown keys kept in {@code extra} come last.
 */
final class AgentStateCodecs {

    private AgentStateCodecs() {
    }

    static void register(CodecRegistry registry) {
        registry.add(RecordType.AGENT_DESCRIPTOR, AgentDescriptor.class, AgentStateCodecs::decodeAgentDescriptor, AgentStateCodecs::encodeAgentDescriptor);
        registry.add(RecordType.GHOST_CURSOR, GhostCursor.class, AgentStateCodecs::decodeGhostCursor, AgentStateCodecs::encodeGhostCursor);
        registry.add(RecordType.CURSOR_CLEAR, CursorClear.class, AgentStateCodecs::decodeCursorClear, AgentStateCodecs::encodeCursorClear);
        registry.add(RecordType.AGENT_FAVE, AgentFave.class, AgentStateCodecs::decodeAgentFave, AgentStateCodecs::encodeAgentFave);
        registry.add(RecordType.AGENT_UNFAVE, AgentUnfave.class, AgentStateCodecs::decodeAgentUnfave, AgentStateCodecs::encodeAgentUnfave);
        registry.add(RecordType.FAVE_REMOVE, FaveRemove.class, AgentStateCodecs::decodeFaveRemove, AgentStateCodecs::encodeFaveRemove);
        registry.add(RecordType.ROLE_HOLD, RoleHold.class, AgentStateCodecs::decodeRoleHold, AgentStateCodecs::encodeRoleHold);
        registry.add(RecordType.ROLE_DROP, RoleDrop.class, AgentStateCodecs::decodeRoleDrop, AgentStateCodecs::encodeRoleDrop);
        registry.add(RecordType.ROLE_RELEASE, RoleRelease.class, AgentStateCodecs::decodeRoleRelease, AgentStateCodecs::encodeRoleRelease);
        registry.add(RecordType.ROLE_PLAY, RolePlay.class, AgentStateCodecs::decodeRolePlay, AgentStateCodecs::encodeRolePlay);
        registry.add(RecordType.ROLE_STOP, RoleStop.class, AgentStateCodecs::decodeRoleStop, AgentStateCodecs::encodeRoleStop);
    }

    static AgentDescriptor decodeAgentDescriptor(Fields f) {
        return new AgentDescriptor(
                f.str("agent_id"),
                f.str("display_name"),
                f.strList("capabilities"),
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeAgentDescriptor(AgentDescriptor r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.optPtrStr("display_name", r.displayName());
        w.optStrList("capabilities", r.capabilities());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static GhostCursor decodeGhostCursor(Fields f) {
        return new GhostCursor(
                f.str("agent_id"),
                f.str("home"),
                f.str("message_guid"),
                f.bool("must_read"),
                f.int64("set_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeGhostCursor(GhostCursor r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("home", r.home());
        w.alwaysStr("message_guid", r.messageGuid());
        w.alwaysBool("must_read", r.mustRead());
        w.alwaysInt("set_at", r.setAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static CursorClear decodeCursorClear(Fields f) {
        return new CursorClear(
                f.str("agent_id"),
                f.str("home"),
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeCursorClear(CursorClear r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("home", r.home());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static AgentFave decodeAgentFave(Fields f) {
        return new AgentFave(
                f.str("agent_id"),
                f.str("item_type"),
                f.str("item_guid"),
                f.int64("faved_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeAgentFave(AgentFave r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("item_type", r.itemType());
        w.alwaysStr("item_guid", r.itemGuid());
        w.alwaysInt("faved_at", r.favedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static AgentUnfave decodeAgentUnfave(Fields f) {
        return new AgentUnfave(
                f.str("agent_id"),
                f.str("item_type"),
                f.str("item_guid"),
                f.int64("unfaved_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeAgentUnfave(AgentUnfave r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("item_type", r.itemType());
        w.alwaysStr("item_guid", r.itemGuid());
        w.alwaysInt("unfaved_at", r.unfavedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static FaveRemove decodeFaveRemove(Fields f) {
        return new FaveRemove(
                f.str("agent_id"),
                f.str("item_type"),
                f.str("item_guid"),
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeFaveRemove(FaveRemove r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("item_type", r.itemType());
        w.alwaysStr("item_guid", r.itemGuid());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static RoleHold decodeRoleHold(Fields f) {
        return new RoleHold(
                f.str("agent_id"),
                f.str("role_name"),
                f.int64("assigned_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeRoleHold(RoleHold r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("role_name", r.roleName());
        w.alwaysInt("assigned_at", r.assignedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static RoleDrop decodeRoleDrop(Fields f) {
        return new RoleDrop(
                f.str("agent_id"),
                f.str("role_name"),
                f.int64("dropped_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeRoleDrop(RoleDrop r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("role_name", r.roleName());
        w.alwaysInt("dropped_at", r.droppedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static RoleRelease decodeRoleRelease(Fields f) {
        return new RoleRelease(
                f.str("agent_id"),
                f.str("role_name"),
                f.int64("seq"),
                f.int64("ts"),
                f.lenientStr("origin"),
                f.rest());
    }

    static void encodeRoleRelease(RoleRelease r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("role_name", r.roleName());
        w.optInt("seq", r.seq());
        w.alwaysInt("ts", r.ts());
        w.optStr("origin", r.origin());
        w.extra(r.extra());
    }

    static RolePlay decodeRolePlay(Fields f) {
        return new RolePlay(
                f.str("agent_id"),
                f.str("role_name"),
                f.str("session_id"),
                f.int64("started_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeRolePlay(RolePlay r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("role_name", r.roleName());
        w.optPtrStr("session_id", r.sessionId());
        w.alwaysInt("started_at", r.startedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static RoleStop decodeRoleStop(Fields f) {
        return new RoleStop(
                f.str("agent_id"),
                f.str("role_name"),
                f.int64("stopped_at"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeRoleStop(RoleStop r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.alwaysStr("role_name", r.roleName());
        w.alwaysInt("stopped_at", r.stoppedAt());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }
}
