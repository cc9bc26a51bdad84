package dev.fray.sdk.migrate;

import dev.fray.sdk.json.RecordCodec;
import dev.fray.sdk.json.RecordDecodeException;
import dev.fray.sdk.model.AgentDescriptor;
import dev.fray.sdk.model.FrayRecord;
import dev.fray.sdk.model.Message;
import dev.fray.spi.Utf8Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code agent_descriptor}s migration appends (reference §3.5.10): one per distinct {@code from_agent} of the
 * {@code message} records that has no descriptor yet, with {@code ts} = that author's earliest message {@code ts}.
 * Messages are read as fray reads them (blank lines, undecodable lines and an unterminated last line are skipped;
 * a missing {@code ts} counts as 0, Go's zero value). Ordered by agent id (UTF-8 byte order) so every run of the
 * migration writes the same bytes.
 */
final class AuthorDescriptors {

    private AuthorDescriptors() {
    }

    /** Earliest message ts per author that is not in {@code described}, sorted by author. */
    static Map<String, Long> undescribedAuthors(byte[] messagesLog, Set<String> described) {
        Map<String, Long> earliest = new TreeMap<>(Utf8Order::compare);
        for (JsonlLines.Line line : JsonlLines.split(messagesLog)) {
            if (!line.terminated() || line.isBlank()) {
                continue;
            }
            FrayRecord record;
            try {
                record = RecordCodec.decode(line.text());
            } catch (RecordDecodeException e) {
                continue;
            }
            if (record instanceof Message m && m.fromAgent() != null && !m.fromAgent().isEmpty()
                    && !described.contains(m.fromAgent())) {
                long ts = m.ts() == null ? 0 : m.ts();
                earliest.merge(m.fromAgent(), ts, Math::min);
            }
        }
        return earliest;
    }

    /**
     * The descriptor records, sequenced {@code firstSeq}, {@code firstSeq + 1}, … from the machine's counter and
     * with {@code origin} set, as fray-jvm writes every record.
     */
    static List<AgentDescriptor> records(Map<String, Long> authors, String machineId, long firstSeq) {
        List<AgentDescriptor> out = new ArrayList<>();
        long seq = firstSeq;
        for (Map.Entry<String, Long> author : authors.entrySet()) {
            out.add(new AgentDescriptor(author.getKey(), null, null, seq++, author.getValue(), machineId, Map.of()));
        }
        return out;
    }
}
