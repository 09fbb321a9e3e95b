package nl.spiegel.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class HeadStartsTest {

    private final SpringApplication application = new SpringApplication(HeadStartsTest.class);

    @Test
    void workStartsWhenTheConfigurationIsKnownAndItsResultIsTakenOnce() {
        List<String> sawProperty = new CopyOnWriteArrayList<>();
        HeadStarts headStarts = new HeadStarts().add(String.class, environment -> {
            sawProperty.add(environment.getProperty("spiegel.example"));
            return () -> "started early";
        }, value -> { });

        headStarts.onApplicationEvent(environmentPrepared(new MockEnvironment().withProperty("spiegel.example", "x")));

        assertThat(sawProperty).containsExactly("x");
        assertThat(headStarts.take(String.class)).contains("started early");
        assertThat(headStarts.take(String.class)).as("the bean takes it once; after that it does the work itself")
                .isEmpty();
    }

    @Test
    void nothingStartsWhenThePlanSaysSoOrNothingWasPlanned() {
        HeadStarts headStarts = new HeadStarts().add(String.class, environment -> null, value -> { });

        headStarts.onApplicationEvent(environmentPrepared(new StandardEnvironment()));

        assertThat(headStarts.take(String.class)).isEmpty();
        assertThat(headStarts.take(Integer.class)).isEmpty();
    }

    @Test
    void aFailureOfTheWorkReachesTheBeanThatTakesIt() {
        HeadStarts headStarts = new HeadStarts().add(String.class, environment -> () -> {
            throw new IllegalStateException("could not start");
        }, value -> { });

        headStarts.onApplicationEvent(environmentPrepared(new StandardEnvironment()));

        assertThatThrownBy(() -> headStarts.take(String.class)).isInstanceOf(IllegalStateException.class)
                .hasMessage("could not start");
    }

    @Test
    void workTheApplicationNeverTookIsDiscardedWhenItFailsToStart() throws Exception {
        List<String> discarded = new CopyOnWriteArrayList<>();
        HeadStarts headStarts = new HeadStarts().add(String.class, environment -> () -> "server", discarded::add);
        headStarts.onApplicationEvent(environmentPrepared(new StandardEnvironment()));

        headStarts.onApplicationEvent(new ApplicationFailedEvent(application, new String[0], null,
                new IllegalStateException("context failed")));

        for (int i = 0; i < 100 && discarded.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(discarded).containsExactly("server");
        assertThat(headStarts.take(String.class)).isEmpty();
    }

    private ApplicationEnvironmentPreparedEvent environmentPrepared(
            org.springframework.core.env.ConfigurableEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application, new String[0],
                environment);
    }
}
