package nl.spiegel.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CrisisContactTest {

    @Test
    void phoneNumbersBecomeTapToCallLinksWithDigitsOnly() {
        assertThat(CrisisContact.telHref("113")).isEqualTo("tel:113");
        assertThat(CrisisContact.telHref("0800-0113")).isEqualTo("tel:08000113");
        assertThat(CrisisContact.telHref("0800 2000")).isEqualTo("tel:08002000");
        assertThat(CrisisContact.telHref(" +31 (0)20-123 45 67")).isEqualTo("tel:+310201234567");
    }

    @Test
    void onlyPlainWebAddressesAreLinked() {
        assertThat(contact("https://www.113.nl").webAddress()).contains("https://www.113.nl");
        assertThat(contact("https://www.113.nl/").webAddressText()).contains("113.nl");
        assertThat(contact("javascript:alert(1)").webAddress()).isEmpty();
        assertThat(contact("data:text/html,hi").webAddress()).isEmpty();
        assertThat(contact(null).webAddress()).isEmpty();
    }

    @Test
    void blankNumbersAreDropped() {
        assertThat(new CrisisContact("X", null, List.of(" 113", " ", ""), null).phones()).containsExactly("113");
    }

    private static CrisisContact contact(String url) {
        return new CrisisContact("113", "", List.of(), url);
    }
}
