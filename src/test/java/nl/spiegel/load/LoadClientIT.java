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

    private int userMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE kind IN ('USER_TEXT', 'USER_CHOICE')")
                .query(Integer.class).single();
    }
}
