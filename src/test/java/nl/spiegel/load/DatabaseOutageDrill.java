package nl.spiegel.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.SessionUpdate;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.ui.ChatRetryProperties;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.shared.database.EmbeddedMariaDb;
import nl.spiegel.identity.VisitorToken;

/**
 * Failure drill, not part of {@code ./mvnw verify} (no {@code IT} suffix): virtual people answer dialogues through
 * {@link DialogueService} the way the chat does (one key per answer, retried with the chat's backoff while the
 * database is away) while the real embedded MariaDB server is stopped for {@code drill.outage} seconds. Afterwards
 * every acknowledged answer must be stored exactly once and nothing unacknowledged may be stored; health must have
 * been DOWN during the outage and UP after. Figures go to standard output and {@code target/reliability/}. Run:
 *
 * <pre>./mvnw verify -DskipTests=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DatabaseOutageDrill</pre>
 */
@SpiegelIntegrationTest
class DatabaseOutageDrill {

    private static final int PEOPLE = Integer.getInteger("drill.people", 40);
    private static final Duration BEFORE = Duration.ofSeconds(Long.getLong("drill.before", 20));
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drill.outage", 30));
    private static final Duration AFTER = Duration.ofSeconds(Long.getLong("drill.after", 30));
    private static final Duration THINK = Duration.ofMillis(300);

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    EmbeddedMariaDb database;
    @Autowired
    HealthEndpoint health;
    @Autowired
    ChatRetryProperties retry;

    private record Ack(SessionId session, String text, long at) {
    }

    @Test
    void answersDuringADatabaseOutageAreStoredExactlyOnceAndNothingIsLost() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        Map<Visitor, List<SessionId>> sessionsOf = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger failedStarts = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong longestWait = new AtomicLong();
        ExecutorService people = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (int p = 0; p < PEOPLE; p++) {
            int person = p;
            people.submit(() -> {
                Visitor visitor = visitors.resolve(VisitorToken.generate());
                List<SessionId> mine = new ArrayList<>();
                sessionsOf.put(visitor, mine);
                SessionSnapshot session = null;
                int n = 0;
                while (running.get()) {
                    try {
                        if (session == null || session.finished()) {
                            try {
                                session = dialogues.startNew(visitor, "kennismaking");
                            } catch (DataAccessException | TransactionException away) {
                                // starting a dialogue is not retried by the app: the person would try again
                                failedStarts.incrementAndGet();
                                Thread.sleep(retry.firstDelay().toMillis());
                                continue;
                            }
                            mine.add(session.id());
                        }
                        String text = "drill-" + person + "-" + n++;
                        UserInput input = switch (session.prompt()) {
                            case Prompt.FreeText free -> new UserInput.Text(text);
                            case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                            case Prompt.Form form -> new UserInput.Answers(
                                    Map.of(form.questionnaire().items().getFirst().id(), 0));
                            case Prompt.None none -> throw new IllegalStateException("no prompt");
                        };
                        MessageKey key = MessageKey.random();
                        long sent = System.nanoTime();
                        SessionUpdate update = null;
                        // like the chat: the same answer with the same key until it is stored
                        for (int attempt = 1; update == null; attempt++) {
                            try {
                                update = dialogues.advance(visitor, session.id(), session.revision(), input, key);
                            } catch (DataAccessException | TransactionException away) {
                                retried.incrementAndGet();
                                Thread.sleep(retry.delay(attempt).toMillis());
                            }
                        }
                        longestWait.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                        if (input instanceof UserInput.Text) {
                            acks.add(new Ack(session.id(), text, System.nanoTime()));
                        }
                        session = session.apply(update);
                        Thread.sleep(THINK.toMillis());
                    } catch (InterruptedException e) {
                        return null;
                    } catch (RuntimeException e) {
                        // anything else would be a defect: counted, and the drill fails
                        failures.incrementAndGet();
                        e.printStackTrace();
                        session = null;
                    }
                }
                return null;
            });
        }

        Thread.sleep(BEFORE.toMillis());
        int acksBefore = acks.size();
        assertThat(status()).isEqualTo(Status.UP);
        long down = System.nanoTime();
        database.stopForDrill();
        Thread.sleep(OUTAGE.toMillis() / 2);
        Status during = status();
        Thread.sleep(OUTAGE.toMillis() / 2);
        long restart = System.nanoTime();
        database.startAgain();
        long up = System.nanoTime();
        Thread.sleep(AFTER.toMillis());
        Status after = status();
        running.set(false);
        people.shutdown();
        assertThat(people.awaitTermination(3, TimeUnit.MINUTES)).as("every person finished their last answer").isTrue();

        // every acknowledged answer is stored exactly once; every stored drill answer was acknowledged
        Map<String, Long> stored = new java.util.HashMap<>();
        for (Map.Entry<Visitor, List<SessionId>> entry : sessionsOf.entrySet()) {
            for (SessionId id : entry.getValue()) {
                dialogues.open(entry.getKey(), id).messages().stream()
                        .filter(message -> message.kind() == Turn.Kind.USER_TEXT)
                        .forEach(message -> stored.merge(message.text().in("nl"), 1L, Long::sum));
            }
        }
        List<String> acknowledged = acks.stream().map(Ack::text).toList();
        long lost = acknowledged.stream().filter(text -> !stored.containsKey(text)).count();
        long doubled = stored.values().stream().filter(count -> count > 1).count();
        long unacknowledged = stored.keySet().stream().filter(text -> !acknowledged.contains(text)).count();
        long firstAfterUp = acks.stream().mapToLong(Ack::at).filter(at -> at >= up).min().orElse(Long.MAX_VALUE);
        long acksDuring = acks.stream().mapToLong(Ack::at).filter(at -> at >= down && at < up).count();

        String figures = String.join("\n",
                "people: " + PEOPLE + ", server stopped for " + OUTAGE.toSeconds() + " s, then "
                        + (up - restart) / 1_000_000 + " ms to start again (database away "
                        + (up - down) / 1_000_000 + " ms in all), run: " + (System.nanoTime() - start) / 1_000_000_000
                        + " s",
                "written answers acknowledged: " + acknowledged.size() + " (before the outage: " + acksBefore
                        + ", while it lasted: " + acksDuring + ")",
                "written answers stored: " + stored.values().stream().mapToLong(Long::longValue).sum()
                        + " (distinct: " + stored.size() + ")",
                "lost: " + lost + ", stored twice: " + doubled + ", stored but never acknowledged: " + unacknowledged,
                "tries that met the database away (retried): " + retried.get()
                        + ", dialogue starts refused while it was away: " + failedStarts.get()
                        + ", other failures: " + failures.get(),
                "first acknowledged answer after the database was back: "
                        + (firstAfterUp == Long.MAX_VALUE ? "none" : (firstAfterUp - up) / 1_000_000 + " ms"),
                "longest wait of one answer: " + longestWait.get() + " ms",
                "health: before UP, during " + during + ", after " + after);
        System.out.println("\n--- database outage drill ---\n" + figures + "\n");
        Path out = Path.of("target", "reliability");
        Files.createDirectories(out);
        Files.writeString(out.resolve("database-outage.txt"), figures + "\n");

        assertThat(lost).as(figures).isZero();
        assertThat(failures.get()).as(figures).isZero();
        assertThat(doubled).as(figures).isZero();
        assertThat(unacknowledged).as(figures).isZero();
        assertThat(acknowledged.size()).as(figures).isGreaterThan(acksBefore);
        assertThat(firstAfterUp).as(figures).isNotEqualTo(Long.MAX_VALUE);
        assertThat(during).as(figures).isEqualTo(Status.DOWN);
        assertThat(after).as(figures).isEqualTo(Status.UP);
    }

    private Status status() {
        return health.health().getStatus();
    }
}
