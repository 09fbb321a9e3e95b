package nl.spiegel.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Slow start-up work that needs nothing from the application context (starting the embedded database server,
 * training the risk classifier) begins on threads of its own as soon as Spring Boot has read the configuration,
 * before the context is created; the beans that need the results take them when the context gets to them
 * ({@link #take}), instead of doing the work then, one after the other on the main thread.
 *
 * <p>Spring's own background bean initialisation ({@code @Bean(bootstrap = BACKGROUND)}) starts later (when the bean
 * factory reaches the bean, after the web server and its filters were set up, which already need the database) and
 * asks every bean that injects such a bean to inject an {@code ObjectProvider} instead.
 *
 * <p>Registered by {@code SpiegelApplication.main} only: tests and other ways of starting a context do the work in
 * the beans as before. Work the context never takes (it failed to start) is discarded.
 */
public final class HeadStarts implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(HeadStarts.class);

    private record Plan<T>(Function<Environment, Supplier<T>> work, Consumer<T> discard) {
    }

    private final Map<Class<?>, Plan<?>> plans = new LinkedHashMap<>();
    private final Map<Class<?>, CompletableFuture<?>> running = new LinkedHashMap<>();

    /**
     * Plans work whose result the bean of {@code type} will take. {@code work} sees the environment and returns null
     * when nothing should start early (the bean then does the work itself, or is not made at all).
     */
    public <T> HeadStarts add(Class<T> type, Function<Environment, Supplier<T>> work, Consumer<T> discard) {
        plans.put(type, new Plan<>(work, discard));
        return this;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        switch (event) {
            case ApplicationEnvironmentPreparedEvent prepared -> start(prepared.getEnvironment());
            case ApplicationPreparedEvent prepared ->
                    prepared.getApplicationContext().getBeanFactory().registerSingleton("headStarts", this);
            case ApplicationFailedEvent failed -> discardAll();
            default -> {
            }
        }
    }

    private void start(Environment environment) {
        if (Boolean.getBoolean("spring.aot.processing")) {
            // Spring AOT runs main() only to read the bean definitions; nothing would take (or stop) the results
            return;
        }
        plans.forEach((type, plan) -> {
            Supplier<?> work = plan.work().apply(environment);
            if (work != null) {
                running.put(type, CompletableFuture.supplyAsync(work, task -> Thread.ofPlatform()
                        .name("head-start-" + type.getSimpleName()).daemon().start(task)));
            }
        });
    }

    /** The result of the work started early for {@code type}, waiting for it if needed; empty when none started. */
    public <T> Optional<T> take(Class<T> type) {
        CompletableFuture<?> result;
        synchronized (running) {
            result = running.remove(type);
        }
        if (result == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.cast(result.join()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @SuppressWarnings("unchecked")
    private void discardAll() {
        synchronized (running) {
            running.forEach((type, result) -> result.thenAccept(value -> {
                log.info("discarding {} started early: the application did not start", type.getSimpleName());
                ((Consumer<Object>) plans.get(type).discard()).accept(value);
            }));
            running.clear();
        }
    }
}
