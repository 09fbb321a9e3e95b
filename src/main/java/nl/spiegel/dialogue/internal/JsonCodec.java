package nl.spiegel.dialogue.internal;

import java.util.Map;

import nl.spiegel.dialogue.engine.LocalizedText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal content is JSON bytes, which the repository encrypts before storing. A parse error never carries the
 * parser's message: it could quote what a person wrote.
 */
final class JsonCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private JsonCodec() {
    }

    static byte[] write(Map<String, String> values) {
        return JSON.writeValueAsBytes(values);
    }

    static byte[] write(LocalizedText text) {
        return text == null ? null : write(text.values());
    }

    static Map<String, String> readMap(byte[] bytes) {
        try {
            return JSON.readValue(bytes, MAP);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored dialogue content is not a JSON object of texts ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static LocalizedText readText(byte[] bytes) {
        return bytes == null ? null : new LocalizedText(readMap(bytes));
    }
}
