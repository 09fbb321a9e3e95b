package nl.spiegel.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tools.jackson.databind.json.JsonMapper;

import nl.spiegel.HostileStrings;

/**
 * The check in front of Vaadin's UIDL endpoint ({@link MalformedUidlFilter}) on generated bodies: it never throws,
 * whatever the bytes; a well-formed request with hostile text in its values always passes (the text is for the
 * screen to judge, not the filter); and what it lets through as JSON has the types Vaadin reads.
 */
class HostileUidlBodyPropertyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 1500)
    void anyBytesGetAnAnswerNeverAnException(@ForAll("bytes") byte[] body) {
        String problem = MalformedUidlFilter.shapeProblem(body);
        if (problem == null) {
            assertThat(JSON.readTree(body).isObject()).isTrue();
        }
    }

    @Property(tries = 1500)
    void aWellFormedRequestWithHostileTextAlwaysPasses(@ForAll("hostile") String text) {
        Map<String, Object> body = Map.of("csrfToken", text, "syncId", 3, "clientId", 2, "rpc", List.of(
                Map.of("type", "mSync", "node", 12, "feature", 1, "property", "value", "value", text),
                Map.of("type", "event", "node", 13, "event", "click", "data", Map.of("event.detail", 1))));
        byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        assertThat(MalformedUidlFilter.shapeProblem(json)).isNull();
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> jsonish = HostileStrings.text(400).map(text -> ("{\"rpc\":[{\"type\":\"event\",\"node\":"
                + text + "}],\"syncId\":" + text + "}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, jsonish);
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.text(2_000);
    }
}
