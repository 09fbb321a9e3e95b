package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledList(12);

    @Test
    void aLongSentenceIsFineWithoutAnyCompositionRules() {
        assertThat(policy.check("de kat slaapt op de warme vensterbank", "sanne@example.org")).isEmpty();
        assertThat(policy.check("zonder hoofdletters of cijfers", null)).isEmpty();
        assertThat(policy.check("Ünïcödé wörks tôo, ☕ and all", null)).isEmpty();
    }

    @Test
    void theMinimumLengthIsTwelveAndConfigurableAndTheMaximum128() {
        assertThat(policy.check("kort maar ok", null)).isEmpty();
        assertThat(policy.check("te kort nog", null)).containsExactly(PasswordProblem.TOO_SHORT);
        assertThat(PasswordPolicy.withBundledList(16).check("kort maar ok", null)).contains(PasswordProblem.TOO_SHORT);
        assertThat(policy.check("a7Kq".repeat(32), null)).doesNotContain(PasswordProblem.TOO_LONG);
        assertThat(policy.check("a7Kq-".repeat(26), null)).contains(PasswordProblem.TOO_LONG);
        // characters, not bytes: twelve emoji are twelve characters
        assertThat(policy.check("🌧🌦🌤🌈🌊🌋🌲🌵🍀🍁🍂🍃", null)).doesNotContain(PasswordProblem.TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordpassword", "Wachtwoord123", "welkom123456", "iloveyou1234", "Feyenoord1908",
            "P@ssw0rd2024!!", "!!Welkom2024!!", "qwertyuiopasdf", "spiegeltjespiegeltjeaandewand",
            "correcthorsebatterystaple", "sanne1990sanne1990"})
    void commonPasswordsAndDressedUpCommonWordsAreRefused(String password) {
        assertThat(policy.check(password, null)).isNotEmpty();
    }

    @Test
    void theBundledListHasThousandsOfEntriesIncludingTheClassics() {
        var list = PasswordPolicy.bundledList();
        assertThat(list).hasSizeGreaterThan(3000)
                .contains("123456", "password", "qwerty", "welkom", "wachtwoord", "iloveyou", "spiegel", "sanne1990");
        assertThat(policy.check("wachtwoord", null)).contains(PasswordProblem.COMMON);
    }

    @Test
    void repeatedCharactersAndRepeatedPiecesAreRefused() {
        assertThat(policy.check("aaaaaaaaaaaaaaa", null)).contains(PasswordProblem.REPETITIVE);
        assertThat(policy.check("abcabcabcabcabc", null)).contains(PasswordProblem.REPETITIVE);
        assertThat(policy.check("xy7!xy7!xy7!xy7!", null)).contains(PasswordProblem.REPETITIVE);
    }

    @Test
    void sequencesAndKeyboardWalksAreRefused() {
        assertThat(policy.check("123456789012", null)).contains(PasswordProblem.SEQUENCE);
        assertThat(policy.check("abcdefghijklm", null)).contains(PasswordProblem.SEQUENCE);
        assertThat(policy.check("9876543210987", null)).contains(PasswordProblem.SEQUENCE);
        assertThat(policy.check("1q2w3e4r5t6y7u", null)).contains(PasswordProblem.SEQUENCE);
        assertThat(policy.check("zxcvbnmasdfgh", null)).contains(PasswordProblem.SEQUENCE);
    }

    @Test
    void thePersonsOwnAddressIsNotAPassword() {
        assertThat(policy.check("sanne.devries@example.org", "Sanne.deVries@example.org"))
                .contains(PasswordProblem.CONTAINS_EMAIL);
        assertThat(policy.check("sanne.devries!!", "sanne.devries@example.org"))
                .contains(PasswordProblem.CONTAINS_EMAIL);
        assertThat(policy.check("devries2024devries", "sanne.devries@example.org"))
                .contains(PasswordProblem.CONTAINS_EMAIL);
        // a long sentence that happens to contain the name is fine
        assertThat(policy.check("sanne fietst elke ochtend naar de markt", "sanne.devries@example.org"))
                .doesNotContain(PasswordProblem.CONTAINS_EMAIL);
    }

    @Test
    void theNameOfTheAppIsNotAPassword() {
        assertThat(policy.check("Spiegel2025!!", null)).contains(PasswordProblem.CONTAINS_APP_NAME);
        assertThat(policy.check("mijnspiegel!", null)).contains(PasswordProblem.CONTAINS_APP_NAME);
        assertThat(policy.check("de spiegel in de gang is scheef", null)).isEmpty();
    }

    @Test
    void everyProblemHasAMessageKey() {
        assertThat(List.of(PasswordProblem.values())).extracting(PasswordProblem::messageKey)
                .contains("password.problem.too-short", "password.problem.contains-app-name");
    }
}
