package nl.spiegel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import nl.spiegel.shared.ui.PlainButton;

import java.util.ArrayList;
import java.util.List;
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
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.dialogue.ui.StartView;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.review.Assignment;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.CommentTooLongException;
import nl.spiegel.review.ExpertProfile;
import nl.spiegel.review.ReviewFixtures;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ShareScope;
import nl.spiegel.risk.RiskLevel;
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
    @Autowired
    ScreeningService screenings;
    @Autowired
    ExpertDirectory expertDirectory;

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
        assertThat(find(Anchor.class).withId("nav-review-notices").all()).as("the inbox shows what is new").isEmpty();
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
        assertThat(find(Anchor.class).withId("nav-notices").single().getText()).isEqualTo("Nieuwe berichten: 1");
        navigate(NoticesView.class);
        assertThat(find(UnorderedList.class).withId("notices").single().getElement().getTextRecursively())
                .contains(therapist.displayName(), "reageerde op je gesprek").doesNotContain(feedback);
        navigate(ChatView.class, dialogue.id().toString());
        assertThat(find(Anchor.class).withId("nav-notices").all()).as("read now").isEmpty();
        press(find(PlainButton.class).withId("share-dialogue").single());
        assertThat(getCurrentView()).isInstanceOf(ShareDialogueView.class);
    }

    @Test
    void aPersonSharesEverythingFromNowOnAndStopsItInOneStep() {
        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        navigate(ShareDialogueView.class, dialogue.id().toString());
        assertThat(find(Div.class).withId("standing-shares").all()).as("hidden while there are none").isEmpty();
        test(find(TextField.class).withId("invite-code").single())
                .setValue(reviews.createInvite(therapist.userId()).code());
        test(find(Button.class).withId("check-code").single()).click();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ShareScope> scope = find(RadioButtonGroup.class).withId("share-scope").single();
        test(scope).selectItem("Dit gesprek en alle gesprekken die je vanaf nu begint");
        test(find(Button.class).withId("confirm-share").single()).click();

        assertThat(reviews.standingSharesOf(person)).singleElement()
                .satisfies(standing -> assertThat(standing.therapistName()).isEqualTo(therapist.displayName()));
        assertThat(find(UnorderedList.class).withId("standing-list").single().getElement().getTextRecursively())
                .contains(therapist.displayName(), "zonder einddatum");
        SessionSnapshot later = dialogues.startNew(person, "kennismaking");
        assertThat(reviews.inbox(therapist.userId(), SpiegelI18NProvider.DUTCH)).hasSize(2);

        test(find(Button.class).withClassName("sp-revoke-standing").single()).click();
        assertThat(reviews.inbox(therapist.userId(), SpiegelI18NProvider.DUTCH)).isEmpty();
        assertThat(reviews.sharesOf(person, later.id())).allMatch(share -> share.revokedAt() != null);
        assertThat(find(Button.class).withClassName("sp-revoke").all()).as("this dialogue's share stopped too")
                .isEmpty();
    }

    @Test
    void theTherapistFiltersOnRiskAndSeesWhereTheRiskSitsAndTheAnswers() {
        Visitor worried = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot risky = fixtures.finishedDialogue(worried, "maar ik wil niet meer leven");
        Screening screening = screenings.start(worried, risky.id(), RiskLevel.CRISIS);
        screenings.answer(worried, screening.id(), screening.next().orElseThrow(), false);
        reviews.share(worried, risky.id(), reviews.createInvite(therapist.userId()).code(), null);
        reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());

        navigate(ReviewInboxView.class);
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).hasSize(2);
        @SuppressWarnings("unchecked")
        Select<RiskLevel> risk = find(Select.class).withId("inbox-risk").single();
        test(risk).selectItem("Zorgelijk signaal");
        ListItem only = find(ListItem.class).withClassName("sp-inbox-item").single();
        assertThat(only.getElement().getTextRecursively()).contains("Crisissignaal");
        test(find(Button.class).withClassName("sp-open-share").single()).click();

        List<Element> marks = new ArrayList<>();
        collect(find(Div.class).withId("transcript").single().getElement(), "mark", marks);
        assertThat(marks).isNotEmpty().allSatisfy(mark -> assertThat("ik wil niet meer leven")
                .contains(mark.getText().toLowerCase(SpiegelI18NProvider.DUTCH)));
        String answers = find(Div.class).withId("screening-answers").single().getElement().getTextRecursively();
        assertThat(answers).contains("Antwoord: Nee", "Uitkomst");
    }

    @Test
    void theTherapistAssignsAnExerciseThePersonMarksItDoneOnTheStartPage() {
        reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());
        navigate(ReviewInboxView.class);
        test(find(Button.class).withClassName("sp-open-share").single()).click();
        @SuppressWarnings("unchecked")
        ComboBox<Assignment> what = find(ComboBox.class).withId("assign-what").single();
        Assignment exercise = what.getListDataView().getItems()
                .filter(option -> option.kind() == Assignment.Kind.EXERCISE).findFirst().orElseThrow();
        what.setValue(exercise);
        test(find(Button.class).withId("assign-send").single()).click();
        assertThat(find(UnorderedList.class).withId("assignment-list").single().getElement().getTextRecursively())
                .contains(exercise.title(), "Nog niet gedaan");

        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        navigate(StartView.class);
        assertThat(find(UnorderedList.class).withId("assignments").single().getElement().getTextRecursively())
                .contains(exercise.title(), therapist.displayName(), "Te doen");
        test(find(Button.class).withClassName("sp-assignment-done").single()).click();
        assertThat(find(UnorderedList.class).withId("assignments").single().getElement().getTextRecursively())
                .contains("Gedaan");
        assertThat(find(Button.class).withClassName("sp-assignment-done").all()).isEmpty();
    }

    @Test
    void aPersonAsksAnExpertFromTheDirectoryAndTheExpertAcceptsInTheInbox() {
        expertDirectory.saveProfile(therapist.userId(), new ExpertProfile(therapist.userId(), "",
                "Ik luister eerst.", null, List.of("sleep"), List.of("act"), List.of("nl"), "Leiden", true, true,
                true, false));
        logIn(person.userId(), person.organisationId(), Role.CLIENT, "");
        navigate(ExpertDirectoryView.class);
        assertThat(find(UnorderedList.class).withId("expert-list").single().getElement().getTextRecursively())
                .contains(therapist.displayName(), "Anouk Verbeek");
        @SuppressWarnings("unchecked")
        ComboBox<String> form = find(ComboBox.class).withId("expert-form").single();
        form.setValue("act");
        test(find(TextField.class).withId("expert-region").single()).setValue("leiden");
        assertThat(find(UnorderedList.class).withId("expert-list").single().getElement().getTextRecursively())
                .contains(therapist.displayName()).doesNotContain("Anouk Verbeek");

        navigate(ExpertView.class, therapist.userId().toString());
        assertThat(find(H1.class).withId("expert-name").single().getText()).isEqualTo(therapist.displayName());
        String message = "Graag hulp bij slapen " + UUID.randomUUID();
        test(find(TextArea.class).withId("expert-request-message").single()).setValue(message);
        test(find(Button.class).withId("expert-request-send").single()).click();
        assertThat(expertDirectory.requestsOf(person, SpiegelI18NProvider.DUTCH)).singleElement()
                .satisfies(request -> assertThat(request.message()).isEqualTo(message));

        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());
        navigate(ReviewInboxView.class);
        assertThat(find(UnorderedList.class).withId("share-request-list").single().getElement()
                .getTextRecursively()).contains(message);
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).isEmpty();
        test(find(Button.class).withClassName("sp-request-accept").single()).click();
        assertThat(find(ListItem.class).withClassName("sp-inbox-item").all()).hasSize(1);
        assertThat(find(UnorderedList.class).withId("share-request-list").all()).as("nothing waits any more")
                .isEmpty();
    }

    @Test
    void aProfileLineOrRegionLongerThanItCanBeKeptIsRefusedOnItsFieldAndNothingIsLost() {
        expertDirectory.saveProfile(therapist.userId(), new ExpertProfile(therapist.userId(), "", "Ik luister.", null,
                List.of(), List.of(), List.of("nl"), "Leiden", true, true, true, false));
        logIn(therapist.userId(), therapist.organisationId(), Role.THERAPIST, therapist.displayName());
        navigate(ExpertProfileView.class);
        TextField region = find(TextField.class).withId("expert-region-field").single();
        assertThat(region.getMaxLength()).as("the browser stops at what can be kept").isEqualTo(100);
        // more than the browser lets through, as a changed client could send it
        String longRegion = "Regio ".repeat(25);
        region.setValue(longRegion);
        test(find(Button.class).withId("expert-profile-save").single()).click();

        assertThat(region.isInvalid()).isTrue();
        assertThat(region.getErrorMessage()).isEqualTo("Dit is te lang: het mag maximaal 100 tekens zijn. "
                + "Je tekst staat er nog; maak hem korter.");
        assertThat(region.getValue()).as("the text stays in the field").isEqualTo(longRegion);
        assertThat(expertDirectory.ownProfile(therapist.userId()).region()).as("the saved profile is kept")
                .isEqualTo("Leiden");

        String longLine = "Ik luister eerst. ".repeat(12);
        assertThatThrownBy(() -> expertDirectory.saveProfile(therapist.userId(), new ExpertProfile(
                therapist.userId(), "", longLine, null, List.of(), List.of(), List.of(), null, true, true, true,
                false))).isInstanceOf(CommentTooLongException.class);
        region.setValue("Leiden en Den Haag");
        test(find(Button.class).withId("expert-profile-save").single()).click();
        assertThat(region.isInvalid()).isFalse();
        assertThat(expertDirectory.ownProfile(therapist.userId()).region()).isEqualTo("Leiden en Den Haag");
    }

    private static void collect(Element element, String tag, List<Element> found) {
        if (element.isTextNode()) {
            return;
        }
        if (element.getTag().equals(tag)) {
            found.add(element);
        }
        element.getChildren().forEach(child -> collect(child, tag, found));
    }

    private static void logIn(UserId user, OrganisationId organisation, Role role, String name) {
        AccountUserDetails principal = new AccountUserDetails(user, organisation, role, name,
                "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
    }

    /** What the browser sends when the button is clicked, or pressed with Enter or Space. */
    private static void press(PlainButton button) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(button, new PlainButton.Pressed(button, true));
    }
}
