package nl.spiegel.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The load client still speaks the app's protocol: a few virtual people walk real dialogues against the running app
 * (the same context as the browser journeys), without a single error, and their written answers land in the
 * database. Not a measurement: the figures of a real run come from {@code scripts/load-test.sh}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoadClientIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void virtualPeopleWalkDialoguesWithoutErrorsAndTheirAnswersAreStored(@TempDir Path out) throws Exception {
        int before = userMessages();
        LoadClient.Result result = new LoadClient(new LoadClient.Options(URI.create("http://localhost:" + port),
                3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMillis(300), out.resolve("smoke"),
                Map.of(), false)).run();

        assertThat(result.errors()).as(result.report()).isZero();
        assertThat(result.steps().count()).as(result.report()).isGreaterThanOrEqualTo(10);
        // one floor round trip before every step; at the window's edges one of a pair may fall outside
        assertThat(result.floor().count()).isCloseTo(result.steps().count(), within(3));
        assertThat(userMessages() - before).isGreaterThanOrEqualTo(result.steps().count() / 2);
        assertThat(out.resolve("smoke.csv")).content().startsWith("kind,at_ms,latency_ms,response_bytes").contains("step,");
    }

    /**
     * A browser that never got the answer to a request sends it again and must get the same answer: Vaadin keeps the
     * last one of every screen for that, and Spiegel keeps it with the characters beyond Latin-1 (here a typographic
     * quote and an emoji in what the person wrote) escaped, which must not change what the browser reads.
     */
    @Test
    void aRepeatedRequestGetsTheSameAnswerAgain(@TempDir Path out) throws Exception {
        LoadClient client = new LoadClient(new LoadClient.Options(URI.create("http://localhost:" + port), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300), out.resolve("repeat"), Map.of(),
                false));
        LoadClient.Tab tab = LoadClient.Tab.open(client, "kennismaking", Map.of());
        for (int step = 0; !tab.asksText(); step++) {
            assertThat(step).as("a question to write an answer to").isLessThan(10);
            tab.step(0, null);
        }
        String first = tab.write("Het gaat \u2018best\u2019 goed \uD83D\uDE42");
        assertThat(first).contains("Het gaat \u2018best\u2019 goed \uD83D\uDE42");

        String again = tab.repeatLast();

        assertThat(again.chars().anyMatch(c -> c > 0xFF)).as("kept in Latin-1").isFalse();
        assertThat(LoadClient.Json.parse(again)).isEqualTo(LoadClient.Json.parse(first));
    }

    private int userMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE kind IN ('USER_TEXT', 'USER_CHOICE')")
                .query(Integer.class).single();
    }
}
