package nl.spiegel.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class LongPasswordEncoderTest {

    private final LongPasswordEncoder encoder =
            new LongPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());

    @Test
    void shortPasswordsAreOrdinaryBcrypt() {
        String hash = encoder.encode("een gewoon wachtwoord");

        assertThat(hash).startsWith("{bcrypt}");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("een gewoon wachtwoord", hash))
                .isTrue();
    }

    @Test
    void everyCharacterOfALongPasswordCountsAlsoBeyondBcrypts72Bytes() {
        String base = "x".repeat(80);
        String hash = encoder.encode(base + "a");

        assertThat(encoder.matches(base + "a", hash)).isTrue();
        assertThat(encoder.matches(base + "b", hash)).as("bcrypt alone would ignore the last character").isFalse();
        String accented = "é".repeat(40);
        assertThat(encoder.matches(accented, encoder.encode(accented))).isTrue();
    }
}
