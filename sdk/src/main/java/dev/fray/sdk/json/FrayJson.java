package dev.fray.sdk.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration for reading fray's JSON: exact numbers, Go's strictness about trailing data.
 *
 * <p>For writing JSON that must match fray's bytes use {@link GoJson} (Jackson cannot produce Go's escaping).
 *
 * <ul>
 *   <li>Floating-point numbers are read as {@link java.math.BigDecimal} without stripping trailing zeros and (written
 *       in plain notation by {@link GoJson}), so numbers in records fray-jvm does not model (e.g. {@code context_percent}) survive a
 *       decode/encode unchanged.</li>
 *   <li>Trailing tokens after the JSON value are an error, as in Go's {@code json.Unmarshal}.</li>
 * </ul>
 */
public final class FrayJson {

    private static final ObjectMapper MAPPER = create();

    private FrayJson() {
    }

    /** A shared, thread-safe mapper with fray's configuration. Do not reconfigure it; call {@link #create()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with fray's configuration. */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }
}
