package dev.fray.sdk.fold;

import dev.fray.spi.Utf8Order;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * fray's normalisation of a legacy reaction map (reference §3.5.1): keys trimmed, empty keys dropped, agent lists
 * trimmed, de-duplicated (first occurrence kept), empty entries dropped, empty lists dropped. Keys come out in
 * UTF-8 byte order, the order Go writes map keys in. Two keys that trim to the same text are merged (in Go the
 * result would depend on map iteration order).
 */
final class LegacyReactions {

    private LegacyReactions() {
    }

    static Map<String, List<String>> normalize(Object raw) {
        Map<String, List<String>> out = new TreeMap<>(Utf8Order::compare);
        if (!(raw instanceof Map<?, ?> map)) {
            return out;
        }
        Map<String, Object> sorted = new TreeMap<>(Utf8Order::compare);
        map.forEach((k, v) -> sorted.put((String) k, v));
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String key = e.getKey().strip();
            if (key.isEmpty() || !(e.getValue() instanceof List<?> agents)) {
                continue;
            }
            LinkedHashSet<String> set = new LinkedHashSet<>(out.getOrDefault(key, List.of()));
            for (Object a : agents) {
                if (a instanceof String s && !s.strip().isEmpty()) {
                    set.add(s.strip());
                }
            }
            if (!set.isEmpty()) {
                out.put(key, new ArrayList<>(set));
            }
        }
        return out;
    }
}
