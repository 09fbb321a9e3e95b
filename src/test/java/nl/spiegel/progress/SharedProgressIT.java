package nl.spiegel.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.MovableClock;
import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.internal.QuestionnaireRepository;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.ui.TherapistProgressView;
import nl.spiegel.review.ReviewFixtures;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ui.ReviewTranscriptView;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** A person's progress for the therapist they shared a dialogue with: the consent, the audit and the page. */
@SpiegelIntegrationTest
class SharedProgressIT extends SpringBrowserlessTest {

    @Autowired
    SharedProgressService sharedProgress;
    @Autowired
    ReviewService reviews;
    @Autowired
    AuditTrail audit;
    @Autowired
    QuestionnaireRepository repository;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    DialogueService dialogues;
    @Autowired
    JdbcClient jdbc;

    private ReviewFixtures fixtures;
    private StaffMember therapist;
    private Visitor person;
    private Share share;

    @BeforeEach
    void setUp() {
        VaadinSession.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        UI.getCurrent().setLocale(SpiegelI18NProvider.DUTCH);
        fixtures = new ReviewFixtures(visitors, staff, dialogues, jdbc);
        therapist = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        person = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot dialogue = fixtures.finishedDialogue(person, "Tuinieren");
        share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        // three PHQ-9s a week apart: 20, then 16 (within noise), then 13 (7 points better: reliable)
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofDays(21)));
        ProgressService progress = new ProgressService(repository, clock);
        progress.submit(person, Instrument.PHQ9, Arrays.asList(3, 3, 2, 2, 2, 2, 2, 2, 2));
        clock.advance(Duration.ofDays(7));
        progress.submit(person, Instrument.PHQ9, Arrays.asList(2, 2, 2, 2, 2, 2, 2, 2, 0));
        clock.advance(Duration.ofDays(7));
        progress.submit(person, Instrument.PHQ9, Arrays.asList(2, 2, 1, 2, 2, 1, 2, 1, 0));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private int refusals() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE record_id = ? AND action = 'ACCESS_DENIED'")
                .param(share.id().toString()).query(Integer.class).single();
    }

    @Test
    void theNamedTherapistReadsTheHistoryAndThePersonSeesThatReadInTheirTrail() {
        SharedProgress read = sharedProgress.read(therapist.userId(), share.id());

        assertThat(read.results()).extracting(result -> result.score().total().getAsInt()).containsExactly(20, 16, 13);
        assertThat(audit.aboutMe(person)).anySatisfy(access -> {
            assertThat(access.recordType()).isEqualTo(SharedProgressService.SHARED_PROGRESS);
            assertThat(access.action()).isEqualTo(AuditAction.VIEW);
            assertThat(access.actorName()).isEqualTo(therapist.displayName());
        });
    }

    @Test
    void noShareARevokedShareAnotherTherapistOrAnotherOrganisationIsRefusedAndRecorded() {
        StaffMember colleague = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        StaffMember elsewhere = fixtures.member(Role.THERAPIST, fixtures.newOrganisation());

        assertThatThrownBy(() -> sharedProgress.read(colleague.userId(), share.id()))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThatThrownBy(() -> sharedProgress.read(elsewhere.userId(), share.id()))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThat(refusals()).isEqualTo(2);

        reviews.revoke(person, share.id());
        assertThatThrownBy(() -> sharedProgress.read(therapist.userId(), share.id()))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThat(refusals()).isEqualTo(3);
        assertThat(audit.aboutMe(person)).noneMatch(access -> access.action() == AuditAction.VIEW
                && access.recordType().equals(SharedProgressService.SHARED_PROGRESS));
    }

    @Test
    void theTherapistSeesTheChartsAndReliableChangeNextToTheSharedDialogue() {
        AccountUserDetails principal = new AccountUserDetails(therapist.userId(), therapist.organisationId(),
                Role.THERAPIST, therapist.displayName(), "someone@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));

        navigate(ReviewTranscriptView.class, share.id().toString());
        assertThat(find(Anchor.class).withId("review-progress-link").single().getHref())
                .isEqualTo("therapist/progress/" + share.id());

        TherapistProgressView view = navigate(TherapistProgressView.class, share.id().toString());
        assertThat(find(Div.class).withId("progress-phq9-chart").single().getElement().getProperty("innerHTML"))
                .contains("data-points=\"3\"");
        String table = view.getElement().getTextRecursively();
        assertThat(table).contains("Verandering sinds de eerste score", "Eerste score (uitgangspunt)",
                "-4: geen betrouwbare verandering", "-7: betrouwbaar verbeterd", "Vrij ernstige klachten");
        assertThat(find(Div.class).withId("progress-mood-chart").all()).isEmpty();
        assertThat(find(Paragraph.class).withId("progress-mood-none").all()).hasSize(1);

        reviews.revoke(person, share.id());
        navigate(TherapistProgressView.class, share.id().toString());
        assertThat(find(Paragraph.class).withId("progress-therapist-gone").all()).hasSize(1);
        assertThat(find(Div.class).withId("progress-phq9-chart").all()).isEmpty();
    }
}
