package dev.fray.sdk.json;

import dev.fray.sdk.model.Agent;
import dev.fray.sdk.model.AgentUpdate;
import dev.fray.sdk.model.RecordType;

/**
 * Field-by-field decoding and encoding of the record types of the Runtime group, in fray's struct key order
 * (reference §2). fray-jvm's extension keys ({@code origin}, {@code seq}, {@code ts}) that fray's struct lacks come
 * after fray's keys; unknown keys kept in {@code extra} come last.
 */
final class RuntimeCodecs {

    private RuntimeCodecs() {
    }

    static void register(CodecRegistry registry) {
        registry.add(RecordType.AGENT, Agent.class, RuntimeCodecs::decodeAgent, RuntimeCodecs::encodeAgent);
        registry.add(RecordType.AGENT_UPDATE, AgentUpdate.class, RuntimeCodecs::decodeAgentUpdate, RuntimeCodecs::encodeAgentUpdate);
    }

    static Agent decodeAgent(Fields f) {
        return new Agent(
                f.str("id"),
                f.str("name"),
                f.str("global_name"),
                f.str("home_channel"),
                f.str("created_at"),
                f.str("active_status"),
                f.str("agent_id"),
                f.str("status"),
                f.str("purpose"),
                f.str("avatar"),
                f.str("goal"),
                f.str("bio"),
                f.int64("registered_at"),
                f.int64("last_seen"),
                f.int64("left_at"),
                f.bool("managed"),
                f.object("invoke"),
                f.str("presence"),
                f.str("mention_watermark"),
                f.int64("last_heartbeat"),
                f.str("session_mode"),
                f.str("last_session_id"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeAgent(Agent r, GoWriter w) {
        w.alwaysStr("id", r.id());
        w.alwaysStr("name", r.name());
        w.optPtrStr("global_name", r.globalName());
        w.optPtrStr("home_channel", r.homeChannel());
        w.optPtrStr("created_at", r.createdAt());
        w.optPtrStr("active_status", r.activeStatus());
        w.alwaysStr("agent_id", r.agentId());
        w.optPtrStr("status", r.status());
        w.optPtrStr("purpose", r.purpose());
        w.optPtrStr("avatar", r.avatar());
        w.optPtrStr("goal", r.goal());
        w.optPtrStr("bio", r.bio());
        w.alwaysInt("registered_at", r.registeredAt());
        w.alwaysInt("last_seen", r.lastSeen());
        w.nullableInt("left_at", r.leftAt());
        w.optBool("managed", r.managed());
        w.optPtrNode("invoke", r.invoke());
        w.optStr("presence", r.presence());
        w.optPtrStr("mention_watermark", r.mentionWatermark());
        w.optPtrInt("last_heartbeat", r.lastHeartbeat());
        w.optStr("session_mode", r.sessionMode());
        w.optPtrStr("last_session_id", r.lastSessionId());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }

    static AgentUpdate decodeAgentUpdate(Fields f) {
        return new AgentUpdate(
                f.str("agent_id"),
                f.str("status"),
                f.str("purpose"),
                f.str("avatar"),
                f.str("aap_guid"),
                f.int64("last_seen"),
                f.int64("left_at"),
                f.bool("managed"),
                f.object("invoke"),
                f.str("presence"),
                f.str("mention_watermark"),
                f.int64("last_heartbeat"),
                f.str("session_mode"),
                f.str("last_session_id"),
                f.lenientStr("origin"),
                f.lenientInt64("seq"),
                f.rest());
    }

    static void encodeAgentUpdate(AgentUpdate r, GoWriter w) {
        w.alwaysStr("agent_id", r.agentId());
        w.optPtrStr("status", r.status());
        w.optPtrStr("purpose", r.purpose());
        w.optPtrStr("avatar", r.avatar());
        w.optPtrStr("aap_guid", r.aapGuid());
        w.optPtrInt("last_seen", r.lastSeen());
        w.optPtrInt("left_at", r.leftAt());
        w.optPtrBool("managed", r.managed());
        w.optPtrNode("invoke", r.invoke());
        w.optPtrStr("presence", r.presence());
        w.optPtrStr("mention_watermark", r.mentionWatermark());
        w.optPtrInt("last_heartbeat", r.lastHeartbeat());
        w.optPtrStr("session_mode", r.sessionMode());
        w.optPtrStr("last_session_id", r.lastSessionId());
        w.optStr("origin", r.origin());
        w.optPtrInt("seq", r.seq());
        w.extra(r.extra());
    }
}
