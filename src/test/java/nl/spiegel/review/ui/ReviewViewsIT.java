package nl.spiegel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.review.ReviewFixtures;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** The person's share screen and the therapist's inbox and transcript, without a browser. */
@SpiegelIntegrationTest
class ReviewViewsIT extends SpringBrowserlessTest {

    @Autowired
    ReviewService reviews;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    DialogueService dialogues;
    @Autowired
    CurrentVisitor currentVisitor;
    @Autowired
    JdbcClient jdbc;

    private ReviewFixtures fixtures;
    private StaffMember therapist;
    private Visitor person;
    private SessionSnapshot dialogue;
    private String marker;

    @BeforeEach
    void setUp() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        fixtures = new ReviewFixtures(visitors, staff, dialogues, jdbc);
        therapist = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        person = fixtures.registeredPerson(OrganisationId.DEFAULT);
        marker = "Zwemmen-" + UUID.randomUUID();
        dialogue = fixtures.finishedDialogue(person, marker);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPersonSeesWhatTheyShareAndWithWhomBeforeSharingAndCanStopSharing() {
        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        String code = reviews.createInvite(therapist.userId()).code();
        navigate(ShareDialogueView.class, dialogue.id().toString());
        assertThat(find(Div.class).withId("share-preview").all()).as("no preview before a code").isEmpty();

        test(find(TextField.class).withId("invite-code").single()).setValue("ABCDE-23456");
        test(find(Button.class).withId("check-code").single()).click();
        assertThat(find(Span.class).withId("code-error").single().getText()).contains("Deze code werkt niet");

        test(find(TextField.class).withId("invite-code").single()).setValue(code);
        test(find(Button.class).withId("check-code").single()).click();
        assertThat(find(Span.class).withId("code-error").single().getText()).isEmpty();
        assertThat(find(Paragraph.class).withId("share-with").single().getText()).contains(therapist.displayName());
        assertThat(find(Div.class).withId("share-preview-transcript").single().getElement().getTextRecursively())
                .as("exactly what is shared: the person's own words too").contains(marker);
        assertThat(reviews.sharesOf(person, dialogue.id())).as("nothing shared before confirming").isEmpty();

        test(find(Button.class).withId("confirm-share").single()).click();
        assertThat(reviews.sharesOf(person, dialogue.id())).singleElement()
                .extracting(Share::therapist).isEqualTo(therapist.userId());
        UnorderedList list = find(UnorderedList.class).withId("share-list").single();
        assertThat(list.getElement().getTextRecursively()).contains(therapist.displayName(), "zonder einddatum");

        Button stop = find(Button.class).withClassName("sp-revoke").single();
        test(stop).click();
        assertThat(reviews.sharesOf(person, dialogue.id()).getFirst().revokedAt()).isNotNull();
        assertThat(find(UnorderedList.class).withId("share-list").single().getElement().getTextRecursively())
                .contains("Je stopte met delen");
        assertThat(find(Button.class).withClassName("sp-revoke").all()).isEmpty();
    }

    @Test
    void anAnonymousVisitorIsAskedToRegisterBeforeSharing() {
        Visitor anonymous = currentVisitor.get();
        SessionSnapshot own = dialogues.startNew(anonymous, "kennismaking");

        navigate(ShareDialogueView.class, own.id().toString());

        assertThat(find(Paragraph.class).withId("share-register-first").single().getText())
                .contains("heb je een account nodig");
        assertThat(find(TextField.class).withId("invite-code").all()).isEmpty();
        test(find(Button.class).withId("share-register").single()).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("RegisterView");
    }

    @Test
    void theTherapistReadsTheInboxAndTranscriptGivesFeedbackAndTheTranscriptClosesAfterRevocation() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());

        navigate(ReviewInboxView.class);
        test(find(Button.class).withId("new-invite").single()).click();
        assertThat(find(Span.class).withId("invite-code-shown").single().getText())
                .matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        ListItem item = find(ListItem.class).withClassName("sp-inbox-item").single();
        assertThat(item.getElement().getTextRecursively()).contains("Nieuw");
        test(find(Button.class).withClassName("sp-open-share").single()).click();

        assertThat(getCurrentView()).isInstanceOf(ReviewTranscriptView.class);
        assertThat(find(Div.class).withId("transcript").single().getElement().getTextRecursively()).contains(marker);
        assertThat(find(Div.class).withId("risk-flags").single().getElement().getTextRecursively())
                .contains("geen signalen");

        String feedback = "Fijn dat je zwemt " + UUID.randomUUID();
        test(find(TextArea.class).withId("feedback-text").single()).setValue(feedback);
        test(find(Button.class).withId("feedback-send").single()).click();
        assertThat(reviews.feedbackFor(person, dialogue.id())).extracting(DialogueFeedback::text)
                .containsExactly(feedback);
        assertThat(find(Div.class).withId("feedback-list").single().getElement().getTextRecursively())
                .contains(feedback);

        String tooLong = "y".repeat(4001);
        test(find(TextArea.class).withId("note-text").single()).setValue(tooLong);
        test(find(Button.class).withId("note-send").single()).click();
        TextArea note = find(TextArea.class).withId("note-text").single();
        assertThat(note.getValue()).as("the text is kept").isEqualTo(tooLong);
        assertThat(note.isInvalid()).isTrue();

        navigate(ReviewInboxView.class);
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").single().getElement().getTextRecursively())
                .doesNotContain("Nieuw");
        Visitor another = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot anothersDialogue = fixtures.finishedDialogue(another, "later gedeeld");
        reviews.share(another, anothersDialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        // arrives by push, on the page that is open
        roundTrip();
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).hasSize(2);
        assertThat(find(ListItem.class).withClassName("sp-inbox-unread").all()).hasSize(1);

        test(find(Checkbox.class).withId("inbox-unread-only").single()).click();
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).hasSize(1);
        test(find(Checkbox.class).withId("inbox-unread-only").single()).click();
        test(find(TextField.class).withId("inbox-search").single()).setValue("geen-gesprek-heet-zo");
        assertThat(find(Paragraph.class).withId("review-inbox-empty").single().getText())
                .contains("Geen gedeelde gesprekken gevonden");
        test(find(TextField.class).withId("inbox-search").single()).setValue("");
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).hasSize(2);

        test(find(Button.class).withClassName("sp-open-share").all().getLast()).click();
        assertThat(find(Div.class).withId("transcript").single().getElement().getTextRecursively()).contains(marker);
        reviews.revoke(person, share.id());
        // the open transcript closes by push, before the therapist does anything
        roundTrip();

        assertThat(find(Paragraph.class).withId("share-gone").all()).hasSize(1);
        assertThat(find(Div.class).withId("transcript").all()).as("nothing of the dialogue stays").isEmpty();

        // the person reads the feedback below their own dialogue, and can share it again from its end
        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        navigate(ChatView.class, dialogue.id().toString());
        assertThat(find(Div.class).withId("chat-feedback").single().getElement().getTextRecursively())
                .contains(feedback, therapist.displayName());
        test(find(Button.class).withId("share-dialogue").single()).click();
        assertThat(getCurrentView()).isInstanceOf(ShareDialogueView.class);
    }

    private static void logIn(UserId user, OrganisationId organisation, Role role, String name) {
        AccountUserDetails principal = new AccountUserDetails(user, organisation, role, name,
                "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
    }
}
