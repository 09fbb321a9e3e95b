package nl.spiegel.dialogue.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the chat's retries of an answer that could not be stored because the database was away. A single timer
 * thread waits out the delays; each try runs on its own virtual thread, so a try that waits for a database connection
 * blocks neither the timer nor anyone's screen (the view applies the outcome with {@code UI.access}).
 */
@Component
class AnswerRetries implements DisposableBean {

    /** A scheduled try that can still be called off. */
    interface Pending {
        void cancel();
    }

    private final ChatRetryProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("chat-retry-timer").factory());
    private final ExecutorService tries = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chat-retry-", 0).factory());

    AnswerRetries(ChatRetryProperties properties) {
        this.properties = properties;
    }

    ChatRetryProperties properties() {
        return properties;
    }

    /** Runs {@code work} once after the delay for retry number {@code attempt}. */
    Pending schedule(int attempt, Runnable work) {
        ScheduledFuture<?> waiting = timer.schedule(() -> tries.execute(work),
                properties.delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
        return () -> waiting.cancel(false);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        tries.shutdownNow();
    }
}
