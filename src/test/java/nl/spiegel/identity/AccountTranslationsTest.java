package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** Keys built at run time in the account screens exist in both languages and take their parameters. */
class AccountTranslationsTest {

    private final SpiegelI18NProvider i18n = new SpiegelI18NProvider();

    @Test
    void everyPasswordProblemAndRoleHasATextInDutchAndEnglish() {
        for (Locale locale : SpiegelI18NProvider.LOCALES) {
            for (PasswordProblem problem : PasswordProblem.values()) {
                assertThat(i18n.getTranslation(problem.messageKey(), locale, 12)).doesNotStartWith("!");
            }
            for (Role role : Role.values()) {
                assertThat(i18n.getTranslation("account.role." + role.name().toLowerCase(Locale.ROOT), locale))
                        .doesNotStartWith("!");
            }
        }
        assertThat(i18n.getTranslation(PasswordProblem.TOO_SHORT.messageKey(), SpiegelI18NProvider.DUTCH, 12))
                .contains("12 tekens");
    }

    @Test
    void waitingTimesReadNaturally() {
        assertThat(i18n.getTranslation("login.throttled.message", SpiegelI18NProvider.DUTCH, 1)).contains("1 minuut");
        assertThat(i18n.getTranslation("login.throttled.message", SpiegelI18NProvider.DUTCH, 4)).contains("4 minuten");
        assertThat(i18n.getTranslation("login.throttled.message", Locale.ENGLISH, 1)).contains("1 minute.");
    }

    @Test
    void mailsCarryTheLinkAndTheCrisisNumbers() {
        assertThat(i18n.getTranslation("account.mail.verify.body", SpiegelI18NProvider.DUTCH,
                "https://spiegel.example.org/verify-email?token=abc"))
                .contains("https://spiegel.example.org/verify-email?token=abc");
        assertThat(i18n.getTranslation("account.mail.footer", SpiegelI18NProvider.DUTCH)).contains("113");
    }
}
