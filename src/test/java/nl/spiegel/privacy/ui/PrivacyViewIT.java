package nl.spiegel.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The privacy page in both languages, with the configured retention and the ways to act on it. */
@SpiegelIntegrationTest
class PrivacyViewIT extends SpringBrowserlessTest {

    @Test
    void rendersInDutchWithTheConfiguredRetentionAndTheWayToComplain() {
        String text = render(SpiegelI18NProvider.DUTCH);

        assertThat(text).contains("Wat bewaren we?", "versleuteld", "Alleen jij",
                "hulpverlener die jouw vraag aanneemt", "90 dagen", "Autoriteit Persoonsgegevens",
                "ingelogd", "logboek");
        assertThat(find(RouterLink.class).withId("privacy-my-data-link").single().getHref()).isEqualTo("my-data");
        assertThat(find(Anchor.class).withId("privacy-authority-link").single().getHref())
                .isEqualTo(PrivacyView.AUTHORITY_URL);
    }

    @Test
    void rendersInEnglish() {
        String text = render(SpiegelI18NProvider.ENGLISH);

        assertThat(text).contains("What do we keep?", "encrypted", "Only you", "90 days",
                "Dutch Data Protection Authority").doesNotContain("Wat bewaren we");
    }

    @Test
    void theFooterLinksToThePrivacyPageAndTheMenuToMyData() {
        render(SpiegelI18NProvider.DUTCH);
        assertThat(find(Anchor.class).all()).extracting(anchor -> anchor.getElement().getAttribute("href"))
                .contains("my-data");
        // the footer is one element with its markup
        org.jsoup.nodes.Element footerLink = org.jsoup.Jsoup.parseBodyFragment(
                find(com.vaadin.flow.component.html.Footer.class).single().getElement().getProperty("innerHTML"))
                .selectFirst("a[router-link]");
        assertThat(footerLink.attr("href")).isEqualTo("privacy");
        assertThat(footerLink.text()).isNotBlank();
    }

    private String render(java.util.Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        navigate(PrivacyView.class);
        return getCurrentView().getElement().getTextRecursively();
    }
}
