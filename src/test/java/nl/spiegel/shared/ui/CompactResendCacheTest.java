package nl.spiegel.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class CompactResendCacheTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void charactersBeyondLatin1BecomeEscapesThatReadTheSame() {
        String response = "{\"changes\":[{\"value\":\"\uD83D\uDE42 Hoe gaat het? Caf\u00e9 \u201cnu\u201d\",\"k\u00eby\":1}]}";

        String kept = CompactResendCache.latin1(response);

        assertThat(kept.chars()).allMatch(c -> c <= 0xFF);
        assertThat(kept).contains("\\ud83d\\ude42", "Caf\u00e9", "\\u201cnu\\u201d");
        assertThat(json.readTree(kept)).isEqualTo(json.readTree(response));
    }

    @Test
    void aResponseInLatin1IsKeptAsItIs() {
        String response = "{\"changes\":[{\"value\":\"Caf\u00e9 \\\"nu\\\" \\\\u2019\"}]}";

        assertThat(CompactResendCache.latin1(response)).isSameAs(response);
        assertThat(CompactResendCache.latin1(null)).isNull();
    }
}
