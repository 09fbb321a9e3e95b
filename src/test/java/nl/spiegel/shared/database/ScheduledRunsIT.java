package nl.spiegel.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.spiegel.SpiegelIntegrationTest;

/** A scheduled job runs once per period however many nodes (here: threads with their own connections) fire it. */
@SpiegelIntegrationTest
class ScheduledRunsIT {

    @Autowired
    ScheduledRuns runs;

    @Test
    void onlyTheFirstClaimOfAPeriodWins() {
        String job = "job-" + UUID.randomUUID();

        assertThat(runs.claim(job, "2026-12-07")).isTrue();
        assertThat(runs.claim(job, "2026-12-07")).as("the same day again").isFalse();
        assertThat(runs.claim(job, "2026-12-08")).as("the next day").isTrue();
        assertThat(runs.claim("other-" + job, "2026-12-07")).as("another job").isTrue();
    }

    @Test
    void nodesFiringAtTheSameMomentRunTheJobOnce() throws Exception {
        String job = "job-" + UUID.randomUUID();
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            nodes.add(() -> runs.claimToday(job));
        }
        int winners = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Boolean> claimed : pool.invokeAll(nodes)) {
                winners += claimed.get() ? 1 : 0;
            }
        }
        assertThat(winners).isEqualTo(1);
    }
}
