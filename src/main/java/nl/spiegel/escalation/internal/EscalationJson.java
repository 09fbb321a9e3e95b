package nl.spiegel.escalation.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Personal content (answers, plan texts) is stored as JSON bytes, ready to be stored encrypted later. */
final class EscalationJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Boolean>> FLAGS = new TypeReference<>() {
    };

    private EscalationJson() {
    }

    static byte[] write(Map<String, ?> values) {
        return JSON.writeValueAsBytes(values);
    }

    static Map<String, String> readTexts(byte[] bytes) {
        return JSON.readValue(bytes, TEXTS);
    }

    /** Keeps the order in which the answers were given. */
    static Map<String, Boolean> readFlags(byte[] bytes) {
        return JSON.readValue(bytes, FLAGS);
    }
}
