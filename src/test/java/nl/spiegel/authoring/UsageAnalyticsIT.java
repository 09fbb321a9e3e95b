package nl.spiegel.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.progress.MoodMoment;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.MoodService;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.shared.database.DbTime;

/**
 * The analytics beyond the funnel on generated data in MariaDB, for two organisations side by side: mood before and
 * after, requests to talk to a person with the median wait, questionnaire bands; ten people are shown, nine are not,
 * and neither a second period nor "total minus the shown groups" singles anybody out.
 */
@SpiegelIntegrationTest
class UsageAnalyticsIT {

    private static final List<Integer> PHQ9_MILD = List.of(1, 1, 1, 1, 1, 0, 0, 0, 0);
    private static final List<Integer> PHQ9_MODERATE = List.of(2, 2, 2, 2, 2, 0, 0, 0, 0);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    AuthoringService authoring;
    @Autowired
    DialogueService dialogues;
    @Autowired
    MoodService moods;
    @Autowired
    ProgressService progress;
    @Autowired
    UsageAnalytics analytics;
    @Autowired
    Clock clock;

    AuthoringFixtures fixtures;
    OrganisationId clinic;
    OrganisationId employer;
    StaffMember clinicAdmin;
    StaffMember employerAdmin;

    @BeforeEach
    void twoOrganisations() {
        fixtures = new AuthoringFixtures(jdbc, staff, visitors);
        clinic = fixtures.organisation();
        employer = fixtures.organisation();
        clinicAdmin = fixtures.admin(clinic);
        employerAdmin = fixtures.admin(employer);
    }

    @Test
    void questionnaireBandsCountOnlyTheOrganisationsOwnPeopleAndTenAreShownNineAreNot() {
        fillIn(10, clinic, PHQ9_MILD);
        fillIn(9, employer, PHQ9_MILD);

        BandFigures clinicPhq9 = phq9(analytics.report(clinicAdmin.userId(), clinic, UsagePeriod.ALL));
        assertThat(clinicPhq9.people().value()).as("the employer's nine are not counted").isEqualTo(10);
        assertThat(clinicPhq9.bands()).extracting(Share::code)
                .containsExactly("minimal", "mild", "moderate", "moderately-severe", "severe");
        assertThat(clinicPhq9.bands()).extracting(share -> share.figure().value())
                .containsExactly(0, 10, 0, 0, 0);

        BandFigures employerPhq9 = phq9(analytics.report(employerAdmin.userId(), employer, UsagePeriod.ALL));
        assertThat(employerPhq9.people().hidden()).isEqualTo(Figure.Hidden.FEWER_THAN_TEN);
        assertThat(employerPhq9.bands()).extracting(share -> share.figure().isShown()).containsOnly(false);
    }

    @Test
    void anAdminCannotReadOrDownloadAnotherOrganisationsFiguresAndTheAttemptIsAudited() {
        StaffMember therapist = fixtures.member(Role.THERAPIST, clinic);

        assertThatThrownBy(() -> analytics.report(clinicAdmin.userId(), employer, UsagePeriod.ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> analytics.exportCsv(clinicAdmin.userId(), employer, UsagePeriod.ALL,
                List.of("x"), report -> List.of(), new java.io.ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> analytics.report(therapist.userId(), clinic, UsagePeriod.ALL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events e JOIN audit_pseudonyms p ON p.pseudonym = e.actor_ref
                WHERE p.user_id = ? AND e.action = 'ACCESS_DENIED' AND e.record_type = 'ORGANISATION_ANALYTICS'
                  AND e.organisation_id = ?""")
                .params(clinicAdmin.userId().toString(), employer.toString()).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aSmallBandBesideABigOneCannotBeWorkedOutFromTheTotal() {
        fillIn(10, clinic, PHQ9_MILD);
        fillIn(3, clinic, PHQ9_MODERATE);

        BandFigures phq9 = phq9(analytics.report(clinicAdmin.userId(), clinic, UsagePeriod.ALL));

        assertThat(phq9.people().value()).isEqualTo(13);
        assertThat(phq9.bands()).extracting(share -> share.figure().hidden()).containsExactly(
                Figure.Hidden.NONE, Figure.Hidden.REVEALS_SMALL_GROUP, Figure.Hidden.FEWER_THAN_TEN,
                Figure.Hidden.NONE, Figure.Hidden.NONE);
        int shownSum = phq9.bands().stream().filter(share -> share.figure().isShown())
                .mapToInt(share -> share.figure().value()).sum();
        assertThat(phq9.people().value() - shownSum).as("what the hidden bands add up to").isGreaterThanOrEqualTo(10);
    }

    @Test
    void comparingPeriodsCannotSingleOutTheTwoWhoFilledInTwoMonthsAgo() {
        List<Visitor> people = fillIn(12, clinic, PHQ9_MILD);
        for (Visitor early : people.subList(0, 2)) {
            jdbc.sql("UPDATE questionnaire_results SET completed_at = ? WHERE user_id = ?")
                    .params(DbTime.write(clock.instant().minus(Duration.ofDays(60))), early.userId().toString())
                    .update();
        }

        for (UsagePeriod period : UsagePeriod.values()) {
            BandFigures phq9 = phq9(analytics.report(clinicAdmin.userId(), clinic, period));
            assertThat(phq9.people().hidden()).as(period.name()).isEqualTo(Figure.Hidden.REVEALS_SMALL_GROUP);
            assertThat(phq9.bands()).as(period.name()).noneMatch(share -> share.figure().isShown()
                    && share.figure().value() > 0);
        }
    }

    @Test
    void moodBeforeAndAfterIsShownForTenPeopleOfAVersionAndNotForNine() {
        String ten = publish(clinic, clinicAdmin, "stemming");
        String nine = publish(employer, employerAdmin, "stemming");
        completeWithMood(10, clinic, ten, 2, 4);
        completeWithMood(9, employer, nine, 2, 4);

        MoodFigures clinicMood = single(analytics.report(clinicAdmin.userId(), clinic, UsagePeriod.ALL).moods());
        assertThat(clinicMood.scriptId()).isEqualTo(ten);
        assertThat(clinicMood.people().value()).isEqualTo(10);
        assertThat(clinicMood.change()).extracting(Share::code).containsExactly("better", "same", "worse");
        assertThat(clinicMood.change()).extracting(share -> share.figure().value()).containsExactly(10, 0, 0);
        assertThat(clinicMood.meanBefore()).isEqualByComparingTo(new BigDecimal("2.0"));
        assertThat(clinicMood.meanAfter()).isEqualByComparingTo(new BigDecimal("4.0"));

        MoodFigures employerMood = single(analytics.report(employerAdmin.userId(), employer, UsagePeriod.ALL)
                .moods());
        assertThat(employerMood.people().hidden()).isEqualTo(Figure.Hidden.FEWER_THAN_TEN);
        assertThat(employerMood.change()).noneMatch(share -> share.figure().isShown());
        assertThat(employerMood.meanBefore()).isNull();
        assertThat(employerMood.meanAfter()).isNull();
    }

    @Test
    void requestsToTalkToAPersonByLevelWithTheMedianWaitRoundedUpToWholeMinutes() {
        StaffMember therapist = fixtures.member(Role.THERAPIST, clinic);
        int[] waitMinutes = {2, 2, 2, 2, 3, 3, 4, 4, 4, 4};
        for (int minutes : waitMinutes) {
            escalation(clinic, "CRISIS", therapist, Duration.ofMinutes(minutes).minusSeconds(30));
        }
        StaffMember employerTherapist = fixtures.member(Role.THERAPIST, employer);
        for (int i = 0; i < 9; i++) {
            escalation(employer, "CONCERN", employerTherapist, Duration.ofMinutes(1));
        }

        EscalationFigures clinicFigures = analytics.report(clinicAdmin.userId(), clinic, UsagePeriod.ALL)
                .escalations();
        assertThat(clinicFigures.people().value()).isEqualTo(10);
        assertThat(clinicFigures.byLevel()).extracting(Share::code).containsExactly("none", "concern", "crisis");
        assertThat(clinicFigures.byLevel()).extracting(share -> share.figure().value()).containsExactly(0, 0, 10);
        assertThat(clinicFigures.accepted().value()).isEqualTo(10);
        assertThat(clinicFigures.medianWaitMinutes()).as("2.5 minutes is shown as 3").isEqualTo(3);

        EscalationFigures employerFigures = analytics.report(employerAdmin.userId(), employer, UsagePeriod.ALL)
                .escalations();
        assertThat(employerFigures.people().hidden()).isEqualTo(Figure.Hidden.FEWER_THAN_TEN);
        assertThat(employerFigures.byLevel()).noneMatch(share -> share.figure().isShown());
        assertThat(employerFigures.accepted().isShown()).isFalse();
        assertThat(employerFigures.medianWaitMinutes()).isNull();
    }

    @Test
    void acceptedCloseToEveryoneWhoAskedIsHiddenSoTheFewWhoWereNotHelpedStayUnseen() {
        StaffMember therapist = fixtures.member(Role.THERAPIST, clinic);
        for (int i = 0; i < 10; i++) {
            escalation(clinic, "CRISIS", therapist, Duration.ofMinutes(2));
        }
        for (int i = 0; i < 2; i++) {
            escalation(clinic, "CRISIS", null, null);
        }

        EscalationFigures figures = analytics.report(clinicAdmin.userId(), clinic, UsagePeriod.ALL).escalations();

        assertThat(figures.people().value()).isEqualTo(12);
        assertThat(figures.accepted().hidden()).isEqualTo(Figure.Hidden.REVEALS_SMALL_GROUP);
        assertThat(figures.medianWaitMinutes()).isNull();
    }

    private BandFigures phq9(UsageReport report) {
        return report.bands().stream().filter(bands -> bands.instrument().equals("phq9")).findFirst().orElseThrow();
    }

    private static MoodFigures single(List<MoodFigures> moods) {
        assertThat(moods).hasSize(1);
        return moods.getFirst();
    }

    private List<Visitor> fillIn(int people, OrganisationId organisation, List<Integer> answers) {
        List<Visitor> done = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            Visitor person = fixtures.person(organisation);
            progress.submit(person, Instrument.PHQ9, answers);
            done.add(person);
        }
        return done;
    }

    private String publish(OrganisationId organisation, StaffMember admin, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        authoring.publish(admin.userId(), organisation, AuthoringFixtures.script(id, "Hallo."));
        return id;
    }

    private void completeWithMood(int people, OrganisationId organisation, String scriptId, int before, int after) {
        for (int i = 0; i < people; i++) {
            Visitor person = fixtures.person(organisation);
            SessionSnapshot session = dialogues.startNew(person, scriptId);
            moods.record(person, session.id(), MoodMoment.START, before);
            session = dialogues.answer(person, session.id(), session.revision(), new UserInput.Choice("goed"));
            session = dialogues.answer(person, session.id(), session.revision(), new UserInput.Text("werk"));
            assertThat(session.finished()).isTrue();
            moods.record(person, session.id(), MoodMoment.END, after);
        }
    }

    /** A request of a fresh person an hour ago, accepted after the wait (or never, when null). */
    private void escalation(OrganisationId organisation, String level, StaffMember acceptedBy, Duration wait) {
        Visitor person = fixtures.person(organisation);
        Instant requested = clock.instant().minus(Duration.ofHours(1));
        jdbc.sql("""
                INSERT INTO escalations (id, organisation_id, user_id, risk_level, rule_ids, status, requested_at,
                    accepted_by, accepted_at)
                VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), organisation.toString(), person.userId().toString(), level,
                        wait == null ? "TIMED_OUT" : "CLOSED", DbTime.write(requested),
                        acceptedBy == null ? null : acceptedBy.userId().toString(),
                        wait == null ? null : DbTime.write(requested.plus(wait)))
                .update();
    }
}
