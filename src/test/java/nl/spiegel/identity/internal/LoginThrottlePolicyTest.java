package nl.spiegel.identity.internal;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.identity.LoginProperties;
import nl.spiegel.identity.internal.LoginThrottlePolicy.Attempt;

class LoginThrottlePolicyTest {

    private static final LoginProperties SETTINGS =
            new LoginProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5), 10, Duration.ofDays(30));

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final LoginThrottlePolicy policy = new LoginThrottlePolicy(SETTINGS, clock);
    private final List<Attempt> account = new ArrayList<>();
    private final List<Attempt> address = new ArrayList<>();

    @Test
    void fourFailuresOnAnAccountChangeNothing() {
        fail(account, 4);

        assertThat(policy.decide(account, address).allowed()).isTrue();
    }

    @Test
    void theFifthFailureMakesTheAccountWaitAMinuteAndTheWaitDoublesAfterThat() {
        fail(account, 5);
        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofSeconds(61));
        assertThat(policy.decide(account, address).allowed()).isTrue();
        fail(account, 1);
        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(2));
        fail(account, 1);
        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void theWaitNeverExceedsTheWindowAndEverythingIsForgottenAfterIt() {
        fail(account, 12);
        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(15));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(policy.decide(account, address).allowed()).isTrue();
    }

    @Test
    void aSuccessfulLoginForgivesTheFailuresBeforeItOnTheAccount() {
        fail(account, 4);
        clock.advance(Duration.ofSeconds(5));
        account.add(new Attempt(clock.instant(), false));
        clock.advance(Duration.ofSeconds(5));
        fail(account, 4);

        assertThat(policy.decide(account, address).allowed()).isTrue();
    }

    @Test
    void anAddressHasAHigherLimitAndItsOwnSuccessesDoNotResetIt() {
        fail(address, 19);
        address.add(new Attempt(clock.instant(), false));
        assertThat(policy.decide(account, address).allowed()).isTrue();

        fail(address, 1);
        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(policy.decide(account, address).allowed()).isTrue();
    }

    @Test
    void theLongerOfTheTwoWaitsApplies() {
        fail(account, 6);
        fail(address, 20);

        assertThat(policy.decide(account, address).retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    private void fail(List<Attempt> attempts, int times) {
        for (int i = 0; i < times; i++) {
            attempts.add(new Attempt(clock.instant(), true));
        }
    }

}
