package nl.spiegel.privacy.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.internal.VisitorCookieFilter;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The "My data" page through the real services, without a browser: both downloads, who viewed, the deletion. */
@SpiegelIntegrationTest
class MyDataViewIT extends SpringBrowserlessTest {

    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    JdbcClient jdbc;

    private Visitor visitor;

    @BeforeEach
    void aVisitorWithAPlan() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        visitor = currentVisitor.get();
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.REASONS_TO_LIVE, "Mijn hond Pluis"));
        navigate(MyDataView.class);
    }

    @Test
    void bothDownloadsHoldTheVisitorsOwnData() {
        Anchor json = find(Anchor.class).withId("download-json").single();
        Anchor html = find(Anchor.class).withId("download-html").single();
        assertThat(json.getElement().hasAttribute("download")).isTrue();
        assertThat(html.getElement().hasAttribute("download")).isTrue();
        assertThat(json.getText()).contains("JSON");

        ByteArrayOutputStream jsonOut = new ByteArrayOutputStream();
        test(json).download(jsonOut);
        ByteArrayOutputStream htmlOut = new ByteArrayOutputStream();
        test(html).download(htmlOut);

        assertThat(jsonOut.toString(StandardCharsets.UTF_8)).contains("\"safetyPlan\"", "Mijn hond Pluis",
                visitor.userId().toString());
        assertThat(htmlOut.toString(StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("Veiligheidsplan", "Mijn hond Pluis");
    }

    @Test
    void whoViewedMyDataShowsNothingFirstAndTheDownloadAfterwards() {
        assertThat(find(Div.class).withId("mydata-who-viewed").single().getElement().getTextRecursively())
                .contains("Wie heeft mijn gegevens bekeken?");
        assertThat(exists("who-viewed-none")).isTrue();

        test(find(Anchor.class).withId("download-json").single()).download(new ByteArrayOutputStream());
        // away and back: navigating to the page shown keeps the same instance
        navigate(PrivacyView.class);
        navigate(MyDataView.class);

        assertThat(exists("who-viewed-none")).isFalse();
        assertThat(find(Div.class).withId("mydata-who-viewed").single().getElement().getTextRecursively())
                .contains("Jij downloadde al je gegevens");
    }

    @Test
    void deletingAsksForTheConfirmationWordAndThenDeletesEverything() {
        test(find(Button.class).withId("delete-data").single()).click();
        Dialog dialog = find(Dialog.class).withId("delete-dialog").single();
        assertThat(dialog.isOpened()).isTrue();
        Button confirm = find(Button.class).withId("delete-confirm").single();
        TextField word = find(TextField.class).withId("delete-confirm-word").single();
        assertThat(word.getLabel()).contains("VERWIJDER");
        assertThat(confirm.isEnabled()).isFalse();

        test(word).setValue("verwijderen graag");
        assertThat(confirm.isEnabled()).as("only the exact word").isFalse();
        test(find(Button.class).withId("delete-cancel").single()).click();
        assertThat(users()).as("cancelled: nothing deleted").isEqualTo(1);

        test(find(Button.class).withId("delete-data").single()).click();
        test(find(TextField.class).withId("delete-confirm-word").single()).setValue(" verwijder ");
        Button really = find(Button.class).withId("delete-confirm").single();
        assertThat(really.isEnabled()).isTrue();
        test(really).click();

        assertThat(users()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_plans WHERE user_id = ?")
                .param(visitor.userId().toString()).query(Integer.class).single()).isZero();
    }

    @Test
    void theCookieClearedAfterADeletionIsTheVisitorCookie() {
        assertThat(SessionEnd.VISITOR_COOKIE).isEqualTo(VisitorCookieFilter.COOKIE);
        assertThat(SessionEnd.SECURE_VISITOR_COOKIE).isEqualTo(VisitorCookieFilter.SECURE_COOKIE);
    }

    @Test
    void theDeletedPageSaysSo() {
        navigate(DataDeletedView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Je gegevens zijn verwijderd");
    }

    private int users() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ?").param(visitor.userId().toString())
                .query(Integer.class).single();
    }

    private boolean exists(String id) {
        return !find(com.vaadin.flow.component.html.Paragraph.class).withId(id).all().isEmpty();
    }
}
