package dev.fray.sdk.fold;

import dev.fray.sdk.json.GoJson;
import dev.fray.sdk.cache.rows.AgentRow;
import dev.fray.sdk.model.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One agent from v1 {@code agents.jsonl} or v2 {@code local/runtime.jsonl}, in file order (reference §3.5.9): a
 * repeated {@code agent} snapshot replaces the record; {@code agent_update} (dropped while the agent is unknown)
 * applies each present non-null field; {@code presence_event} sets presence to its {@code to} (routed here in v1
 * only). Insert defaults: status ← {@code goal}, purpose ← {@code bio}, presence {@code offline}, invoke as JSON.
 */
final class AgentFold implements EntityFold {

    private static final String[] UPDATABLE = {"status", "purpose", "avatar", "last_seen", "left_at", "managed",
        "invoke", "presence", "mention_watermark", "last_heartbeat", "session_mode", "last_session_id"};

    private Map<String, Object> agent;

    @Override
    public void apply(FoldEvent e) {
        Map<String, Object> f = e.fields();
        if (e.type() == RecordType.AGENT) {
            agent = new LinkedHashMap<>(f);
            return;
        }
        if (agent == null) {
            return;
        }
        if (e.type() == RecordType.AGENT_UPDATE) {
            for (String key : UPDATABLE) {
                Object v = f.get(key);
                if (v != null) {
                    agent.put(key, v);
                }
            }
        } else if (e.type() == RecordType.PRESENCE_EVENT && f.get("to") instanceof String to) {
            agent.put("presence", to);
        }
    }

    @Override
    public void finish(FoldContext out) {
        if (agent == null) {
            return;
        }
        String status = Fields.nonEmpty(agent, "status");
        String purpose = Fields.nonEmpty(agent, "purpose");
        String presence = Fields.nonEmpty(agent, "presence");
        Object invoke = agent.get("invoke");
        String agentId = Fields.strOrEmpty(agent, "agent_id");
        out.emit(new AgentRow(Fields.strOrEmpty(agent, "id"), agentId,
                status != null ? status : Fields.nonEmpty(agent, "goal"),
                purpose != null ? purpose : Fields.nonEmpty(agent, "bio"), Fields.nonEmpty(agent, "avatar"),
                Fields.lngOrZero(agent, "registered_at"), Fields.lngOrZero(agent, "last_seen"),
                Fields.lng(agent, "left_at"), Fields.bool(agent, "managed"),
                invoke == null ? null : GoJson.writeValue(invoke), presence == null ? "offline" : presence,
                Fields.nonEmpty(agent, "mention_watermark"), Fields.lng(agent, "last_heartbeat"),
                Fields.nonEmpty(agent, "last_session_id"), Fields.nonEmpty(agent, "session_mode")));
        out.agents.noteRuntimeAgent(agentId);
    }
}
