package nl.spiegel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.SharedTranscript;
import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionNotFoundException;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/** Sharing a dialogue with a therapist on the real services and database. */
@SpiegelIntegrationTest
class ReviewServiceIT {

    private static final Locale NL = SpiegelI18NProvider.DUTCH;

    @Autowired
    ReviewService reviews;
    @Autowired
    VisitorService visitors;
    @Autowired
    StaffDirectory staff;
    @Autowired
    DialogueService dialogues;
    @Autowired
    AuditTrail audit;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScreeningService screenings;
    @Autowired
    ReviewNoticeService notices;
    @Autowired
    ReviewAssignmentService assignments;

    private ReviewFixtures fixtures;
    private StaffMember therapist;
    private Visitor person;
    private SessionSnapshot dialogue;
    private String marker;

    @BeforeEach
    void setUp() {
        fixtures = new ReviewFixtures(visitors, staff, dialogues, jdbc);
        therapist = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        person = fixtures.registeredPerson(OrganisationId.DEFAULT);
        marker = "Wandelen-" + UUID.randomUUID();
        dialogue = fixtures.finishedDialogue(person, marker);
    }

    @Test
    void aPersonSharesByInviteCodeAndEveryReadOfTheTherapistIsOnTheAuditTrail() {
        InviteCode code = reviews.createInvite(therapist.userId());
        assertThat(code.code()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_invites WHERE code_hash = ?").param(code.code())
                .query(Integer.class).single()).as("only the hash is stored").isZero();

        assertThat(reviews.checkInvite(person, code.code().toLowerCase()).therapistName())
                .isEqualTo(therapist.displayName());
        Share share = reviews.share(person, dialogue.id(), code.code(), null);

        List<InboxItem> inbox = reviews.inbox(therapist.userId(), NL);
        assertThat(inbox).extracting(InboxItem::share).containsExactly(share.id());
        assertThat(inbox.getFirst().unread()).isTrue();

        SharedReading reading = reviews.read(therapist.userId(), share.id(), NL);
        assertThat(reading.transcript().lines()).extracting(SharedTranscript.Line::text)
                .anyMatch(text -> text.contains(marker));
        assertThat(reviews.inbox(therapist.userId(), NL).getFirst().unread()).isFalse();

        assertThat(audit.aboutMe(person)).anyMatch(entry -> entry.action() == AuditAction.VIEW
                && entry.recordType().equals(ReviewService.SHARED_DIALOGUE)
                && therapist.displayName().equals(entry.actorName()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE record_type = ? AND record_id = ? AND action = ?")
                .params(ReviewService.SHARED_DIALOGUE, share.id().toString(), "VIEW").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCodeWorksOnceAndWrongExpiredOrForeignCodesGetTheSameRefusal() {
        InviteCode code = reviews.createInvite(therapist.userId());
        reviews.share(person, dialogue.id(), code.code(), null);

        Visitor other = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot othersDialogue = fixtures.finishedDialogue(other, "ander");
        assertThatThrownBy(() -> reviews.share(other, othersDialogue.id(), code.code(), null))
                .as("used before").isInstanceOf(InvalidInviteException.class);
        assertThatThrownBy(() -> reviews.checkInvite(other, "ABCDE-FGHJK"))
                .as("never made").isInstanceOf(InvalidInviteException.class);

        InviteCode expired = reviews.createInvite(therapist.userId());
        jdbc.sql("UPDATE review_invites SET expires_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6))"
                        + " WHERE therapist_id = ? AND used_at IS NULL")
                .param(therapist.userId().toString()).update();
        assertThatThrownBy(() -> reviews.checkInvite(other, expired.code()))
                .as("expired").isInstanceOf(InvalidInviteException.class);

        StaffMember elsewhere = fixtures.member(Role.THERAPIST, fixtures.newOrganisation());
        InviteCode foreign = reviews.createInvite(elsewhere.userId());
        assertThatThrownBy(() -> reviews.checkInvite(other, foreign.code()))
                .as("a therapist of another organisation").isInstanceOf(InvalidInviteException.class);

        StaffMember leaving = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        InviteCode fromLeaver = reviews.createInvite(leaving.userId());
        staff.changeRole(leaving.userId(), Role.ORG_ADMIN);
        assertThatThrownBy(() -> reviews.share(other, othersDialogue.id(), fromLeaver.code(), null))
                .as("a therapist who is no longer one").isInstanceOf(InvalidInviteException.class);

        assertThat(reviews.sharesOf(other, null)).isEmpty();
    }

    @Test
    void anonymousVisitorsRegisterBeforeTheyShareAndNobodySharesSomeoneElsesDialogue() {
        Visitor anonymous = fixtures.anonymousPerson();
        SessionSnapshot own = dialogues.startNew(anonymous, "kennismaking");
        InviteCode code = reviews.createInvite(therapist.userId());

        assertThat(reviews.mayShare(anonymous)).isFalse();
        assertThatThrownBy(() -> reviews.share(anonymous, own.id(), code.code(), null))
                .isInstanceOf(RegistrationRequiredException.class);

        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThatThrownBy(() -> reviews.share(stranger, dialogue.id(), code.code(), null))
                .isInstanceOf(SessionNotFoundException.class);
        assertThat(reviews.checkInvite(stranger, code.code())).as("the code was not used up").isNotNull();
    }

    @Test
    void revokingIsImmediateAndAnEndedShareIsRefusedLikeARevokedOne() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        reviews.read(therapist.userId(), share.id(), NL);

        reviews.revoke(person, share.id());

        assertThatThrownBy(() -> reviews.read(therapist.userId(), share.id(), NL))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThatThrownBy(() -> reviews.addFeedback(therapist.userId(), share.id(), "Goed gedaan"))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThat(reviews.inbox(therapist.userId(), NL)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE record_id = ? AND action = 'ACCESS_DENIED'")
                .param(share.id().toString()).query(Integer.class).single()).isEqualTo(2);

        Share ending = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(),
                Instant.now().plus(Duration.ofDays(2)));
        assertThat(reviews.read(therapist.userId(), ending.id(), NL)).isNotNull();
        jdbc.sql("UPDATE review_shares SET ends_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)) WHERE id = ?")
                .param(ending.id().toString()).update();
        assertThatThrownBy(() -> reviews.read(therapist.userId(), ending.id(), NL))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThat(reviews.sharesOf(person, dialogue.id())).hasSize(2).noneMatch(s -> s.activeAt(Instant.now()));

        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThatThrownBy(() -> reviews.revoke(stranger, ending.id())).isInstanceOf(ShareAccessDeniedException.class);
    }

    @Test
    void onlyTheTherapistNamedInTheShareReadsItNotAColleagueNorAnotherOrganisation() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        StaffMember colleague = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        StaffMember elsewhere = fixtures.member(Role.THERAPIST, fixtures.newOrganisation());
        StaffMember admin = fixtures.member(Role.ORG_ADMIN, OrganisationId.DEFAULT);

        for (StaffMember refused : List.of(colleague, elsewhere, admin)) {
            assertThatThrownBy(() -> reviews.read(refused.userId(), share.id(), NL))
                    .as(refused.role() + " " + refused.organisationId())
                    .isInstanceOf(ShareAccessDeniedException.class);
            assertThatThrownBy(() -> reviews.addNote(refused.userId(), share.id(), "notitie"))
                    .isInstanceOf(ShareAccessDeniedException.class);
        }
        assertThat(reviews.inbox(colleague.userId(), NL)).isEmpty();
        assertThat(reviews.inbox(elsewhere.userId(), NL)).isEmpty();
        assertThatThrownBy(() -> reviews.createInvite(admin.userId())).isInstanceOf(ShareAccessDeniedException.class);
        assertThatThrownBy(() -> reviews.inbox(person.userId(), NL)).isInstanceOf(ShareAccessDeniedException.class);
    }

    @Test
    void feedbackAndNotesAreStoredEncryptedAndOnlyTheFeedbackReachesThePerson() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        String feedback = "Feedbacktekst-" + UUID.randomUUID();
        String note = "Notitietekst-" + UUID.randomUUID();

        reviews.addFeedback(therapist.userId(), share.id(), "Mooi dat je fietst. " + feedback);
        reviews.addNote(therapist.userId(), share.id(), "Bespreken: " + note);

        assertThat(fixtures.columnsContaining(feedback)).as("no plaintext feedback in any column").isEmpty();
        assertThat(fixtures.columnsContaining(note)).as("no plaintext note in any column").isEmpty();
        assertThat(reviews.feedbackFor(person, dialogue.id())).extracting(DialogueFeedback::text)
                .singleElement().asString().contains(feedback);
        assertThat(reviews.feedbackFor(person, dialogue.id())).noneMatch(item -> item.text().contains(note));
        SharedReading reading = reviews.read(therapist.userId(), share.id(), NL);
        assertThat(reading.feedback()).extracting(Comment::text).anyMatch(text -> text.contains(feedback));
        assertThat(reading.notes()).extracting(Comment::text).anyMatch(text -> text.contains(note));
        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThat(reviews.feedbackFor(stranger, dialogue.id())).isEmpty();

        String tooLong = "x".repeat(4001);
        assertThatThrownBy(() -> reviews.addFeedback(therapist.userId(), share.id(), tooLong))
                .isInstanceOf(CommentTooLongException.class);
        assertThat(reviews.read(therapist.userId(), share.id(), NL).feedback()).hasSize(1);
        assertThat(audit.aboutMe(person)).anyMatch(entry -> entry.recordType().equals(ReviewService.REVIEW_FEEDBACK));
    }

    @Test
    void theRiskOfAMessageReachesTheTherapistAsRuleIdsOfThatMessage() {
        jdbc.sql("""
                UPDATE dialogue_messages SET risk_level = 'CONCERN', risk_rules = 'crisis.plan'
                WHERE session_id = ? AND kind = 'USER_TEXT' ORDER BY seq LIMIT 1""")
                .param(dialogue.id().toString()).update();
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);

        SharedReading reading = reviews.read(therapist.userId(), share.id(), NL);

        assertThat(reading.transcript().risksBySeq()).hasSize(1).containsValue(List.of("crisis.plan"));
    }

    @Test
    void deletingThePersonDeletesTheirSharesAndTheCommentsOnThem() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        reviews.addFeedback(therapist.userId(), share.id(), "tot ziens");
        reviews.addNote(therapist.userId(), share.id(), "notitie");

        personalData.deleteEverything(person);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_shares WHERE id = ?").param(share.id().toString())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_comments WHERE share_id = ?").param(share.id().toString())
                .query(Integer.class).single()).isZero();
        assertThat(reviews.inbox(therapist.userId(), NL)).isEmpty();
    }

    @Test
    void everythingFromNowOnCoversDialoguesStartedLaterUntilThePersonStopsIt() {
        SessionSnapshot before = fixtures.finishedDialogue(person, "eerder");
        Share first = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null,
                ShareScope.FROM_NOW_ON);
        SessionSnapshot later = dialogues.startNew(person, "kennismaking");

        List<InboxItem> inbox = reviews.inbox(therapist.userId(), NL);
        assertThat(inbox).extracting(InboxItem::fromNowOn).containsOnly(true);
        assertThat(inbox).hasSize(2).extracting(InboxItem::share).contains(first.id());
        ShareId laterShare = reviews.sharesOf(person, later.id()).getFirst().id();
        assertThat(reviews.read(therapist.userId(), laterShare, NL).transcript().id()).isEqualTo(later.id());
        assertThat(reviews.sharesOf(person, before.id())).as("started before: not shared").isEmpty();
        assertThat(reviews.inbox(therapist.userId(), NL)).as("covered once").hasSize(2);

        StandingShare standing = reviews.standingSharesOf(person).getFirst();
        assertThat(standing.activeAt(Instant.now())).isTrue();
        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThatThrownBy(() -> reviews.revokeStanding(stranger, standing.id()))
                .isInstanceOf(ShareAccessDeniedException.class);

        reviews.revokeStanding(person, standing.id());

        assertThat(reviews.inbox(therapist.userId(), NL)).isEmpty();
        assertThatThrownBy(() -> reviews.read(therapist.userId(), laterShare, NL))
                .isInstanceOf(ShareAccessDeniedException.class);
        SessionSnapshot afterStop = dialogues.startNew(person, "kennismaking");
        assertThat(reviews.inbox(therapist.userId(), NL)).isEmpty();
        assertThat(reviews.sharesOf(person, afterStop.id())).isEmpty();
        assertThat(reviews.standingSharesOf(person).getFirst().revokedAt()).isNotNull();
        assertThat(audit.aboutMe(person)).anyMatch(entry -> entry.recordType().equals(ReviewService.STANDING_SHARE));
    }

    @Test
    void everythingFromNowOnEndsAtItsEndDateAndIsDeletedWithThePerson() {
        reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(),
                Instant.now().plus(Duration.ofDays(3)), ShareScope.FROM_NOW_ON);
        dialogues.startNew(person, "kennismaking");
        assertThat(reviews.inbox(therapist.userId(), NL)).hasSize(2).allMatch(item -> item.endsAt() != null);

        jdbc.sql("UPDATE review_standing_shares SET ends_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6))"
                + " WHERE person_id = ?").param(person.userId().toString()).update();
        jdbc.sql("UPDATE review_shares SET ends_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6))"
                + " WHERE person_id = ?").param(person.userId().toString()).update();
        dialogues.startNew(person, "kennismaking");
        assertThat(reviews.inbox(therapist.userId(), NL)).isEmpty();
        assertThat(reviews.sharesOf(person, null)).hasSize(2);

        personalData.deleteEverything(person);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_standing_shares WHERE person_id = ?")
                .param(person.userId().toString()).query(Integer.class).single()).isZero();
    }

    @Test
    void theInboxFiltersOnPersonDialogueRiskAndDateAndSearchesTitlesAndSummariesOnly() {
        Visitor other = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot othersDialogue = fixtures.finishedDialogue(other, "Zeilen-" + UUID.randomUUID());
        jdbc.sql("""
                UPDATE dialogue_messages SET risk_level = 'CRISIS', risk_rules = 'nl.crisis.explicit-wish'
                WHERE session_id = ? AND kind = 'USER_TEXT' ORDER BY seq LIMIT 1""")
                .param(othersDialogue.id().toString()).update();
        Share mine = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        Share risky = reviews.share(other, othersDialogue.id(), reviews.createInvite(therapist.userId()).code(),
                null);
        List<InboxItem> all = reviews.inbox(therapist.userId(), NL);
        InboxItem riskyItem = all.stream().filter(item -> item.share().equals(risky.id())).findFirst().orElseThrow();
        assertThat(riskyItem.risk()).isEqualTo(RiskLevel.CRISIS);

        assertThat(reviews.inbox(therapist.userId(), NL, new InboxFilter(null, null, RiskLevel.CONCERN, null, null,
                null, false))).extracting(InboxItem::share).containsExactly(risky.id());
        assertThat(reviews.inbox(therapist.userId(), NL, new InboxFilter(riskyItem.person(), null, null, null, null,
                null, false))).extracting(InboxItem::share).containsExactly(risky.id());
        assertThat(reviews.inbox(therapist.userId(), NL, new InboxFilter(null, riskyItem.dialogueTitle(), null, null,
                null, null, false))).extracting(InboxItem::share).containsExactly(risky.id(), mine.id());
        assertThat(reviews.inbox(therapist.userId(), NL, new InboxFilter(null, null, null,
                Instant.now().plus(Duration.ofDays(1)), null, null, false))).isEmpty();
        assertThat(reviews.inbox(therapist.userId(), NL, new InboxFilter(null, null, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)), null, false)))
                .hasSize(2);

        SharedTranscript transcript = dialogues.transcript(person.userId(), dialogue.id(), NL);
        String summaryWord = transcript.lines().stream().filter(line -> line.kind().equals("summary"))
                .map(SharedTranscript.Line::text).flatMap(text -> List.of(text.split("\\s+")).stream())
                .filter(word -> word.length() > 6 && !riskyItem.dialogueTitle().contains(word)).findFirst()
                .orElseThrow();
        assertThat(reviews.inbox(therapist.userId(), NL, InboxFilter.ALL.withSearch(summaryWord)))
                .extracting(InboxItem::share).contains(mine.id());
        assertThat(reviews.inbox(therapist.userId(), NL, InboxFilter.ALL.withSearch(
                riskyItem.dialogueTitle().toUpperCase(NL)))).hasSize(2);
        assertThat(reviews.inbox(therapist.userId(), NL, InboxFilter.ALL.withSearch(
                "zeker-niet-" + UUID.randomUUID()))).isEmpty();
        String summaries = transcript.lines().stream().filter(line -> line.kind().equals("summary"))
                .map(line -> line.title() + " " + line.text()).reduce("", String::concat).toLowerCase(NL);
        String botOnly = transcript.lines().stream().filter(line -> line.kind().equals("bot"))
                .flatMap(line -> List.of(line.text().split("[^\\p{L}]+")).stream())
                .filter(word -> word.length() > 7 && !summaries.contains(word.toLowerCase(NL))
                        && !riskyItem.dialogueTitle().toLowerCase(NL).contains(word.toLowerCase(NL)))
                .findFirst().orElseThrow();
        assertThat(reviews.inbox(therapist.userId(), NL, InboxFilter.ALL.withSearch(botOnly)))
                .as("the rest of the conversation is not searched").isEmpty();
    }

    @Test
    void theTranscriptShowsWhereTheRiskSitsAndTheAnswersToTheFollowUpQuestions() {
        Visitor worried = fixtures.registeredPerson(OrganisationId.DEFAULT);
        SessionSnapshot risky = fixtures.finishedDialogue(worried, "maar ik wil niet meer leven");
        Screening screening = screenings.start(worried, risky.id(), RiskLevel.CRISIS);
        screenings.answer(worried, screening.id(), screening.next().orElseThrow(), true);
        Share share = reviews.share(worried, risky.id(), reviews.createInvite(therapist.userId()).code(), null);

        SharedReading reading = reviews.read(therapist.userId(), share.id(), NL);

        assertThat(reading.riskSpans()).isNotEmpty();
        reading.riskSpans().forEach((seq, spans) -> {
            String text = reading.transcript().lines().stream().filter(line -> line.seq() == seq).findFirst()
                    .orElseThrow().text();
            assertThat(spans).allSatisfy(span -> assertThat("ik wil niet meer leven")
                    .contains(text.substring(span.start(), span.end()).toLowerCase(NL)));
        });
        assertThat(reading.riskSpans().keySet()).isSubsetOf(reading.transcript().risksBySeq().keySet());
        assertThat(reading.screening()).isNotNull();
        assertThat(reading.screening().answersInWords()).singleElement()
                .satisfies(answer -> assertThat(answer.yes()).isTrue())
                .satisfies(answer -> assertThat(answer.questionKey()).startsWith("screening.q"));

        SharedReading calm = reviews.read(therapist.userId(), reviews.share(person, dialogue.id(),
                reviews.createInvite(therapist.userId()).code(), null).id(), NL);
        assertThat(calm.riskSpans()).isEmpty();
        assertThat(calm.screening()).isNull();
    }

    @Test
    void noticesTellTheTherapistAboutAShareAndThePersonAboutFeedbackEachOnlyTheirOwn() {
        int before = notices.unread(therapist.userId());
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        assertThat(notices.unread(therapist.userId())).isEqualTo(before + 1);
        ReviewNotice shared = notices.noticesOfTherapist(therapist.userId(), NL).getFirst();
        assertThat(shared.kind()).isEqualTo(ReviewNotice.Kind.SHARED);
        assertThat(shared.session()).isEqualTo(dialogue.id());
        assertThat(shared.unread()).isTrue();
        notices.markReadByTherapist(therapist.userId());
        assertThat(notices.unread(therapist.userId())).isZero();

        String feedback = "Reactie-" + UUID.randomUUID();
        reviews.addFeedback(therapist.userId(), share.id(), feedback);
        assertThat(notices.unread(person.userId())).isEqualTo(1);
        assertThat(notices.noticesOf(person, NL)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(ReviewNotice.Kind.FEEDBACK);
            assertThat(notice.from()).isEqualTo(therapist.displayName());
            assertThat(notice.dialogueTitle()).isNotBlank().doesNotContain(feedback);
        });
        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThat(notices.noticesOf(stranger, NL)).isEmpty();
        notices.markRead(stranger);
        assertThat(notices.unread(person.userId())).as("someone else's reading changes nothing").isEqualTo(1);
        notices.markRead(person);
        assertThat(notices.unread(person.userId())).isZero();
        assertThatThrownBy(() -> notices.noticesOfTherapist(person.userId(), NL))
                .isInstanceOf(ShareAccessDeniedException.class);

        personalData.deleteEverything(person);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM review_notices WHERE share_id = ?").param(share.id().toString())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aTherapistAssignsADialogueAndAnExerciseAndSeesWhenThePersonDidThem() {
        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);
        List<Assignment> options = assignments.options(therapist.userId(), share.id(), NL);
        assertThat(options).extracting(Assignment::kind).contains(Assignment.Kind.DIALOGUE, Assignment.Kind.EXERCISE);
        String topic = options.stream().filter(option -> option.kind() == Assignment.Kind.EXERCISE).findFirst()
                .orElseThrow().target();

        assignments.assign(therapist.userId(), share.id(), Assignment.Kind.DIALOGUE, "kennismaking",
                LocalDate.now().plusDays(3), NL);
        assignments.assign(therapist.userId(), share.id(), Assignment.Kind.EXERCISE, topic, null, NL);
        assertThat(assignments.assignmentsOf(person, NL)).hasSize(2).noneMatch(Assignment::done)
                .allMatch(assignment -> assignment.therapistName().equals(therapist.displayName()));

        fixtures.finishedDialogue(person, "nog een keer");
        assertThat(assignments.assignedBy(therapist.userId(), share.id(), NL))
                .filteredOn(assignment -> assignment.kind() == Assignment.Kind.DIALOGUE).singleElement()
                .satisfies(assignment -> assertThat(assignment.done()).as("finished after it was assigned").isTrue());

        Assignment exercise = assignments.assignmentsOf(person, NL).stream()
                .filter(assignment -> assignment.kind() == Assignment.Kind.EXERCISE).findFirst().orElseThrow();
        Visitor stranger = fixtures.registeredPerson(OrganisationId.DEFAULT);
        assertThatThrownBy(() -> assignments.markDone(stranger, exercise.id()))
                .isInstanceOf(ShareAccessDeniedException.class);
        assignments.markDone(person, exercise.id());
        assertThat(assignments.assignedBy(therapist.userId(), share.id(), NL)).allMatch(Assignment::done);

        assertThatThrownBy(() -> assignments.assign(therapist.userId(), share.id(), Assignment.Kind.DIALOGUE,
                "bestaat-niet", null, NL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assignments.assign(therapist.userId(), share.id(), Assignment.Kind.EXERCISE, topic,
                LocalDate.now().minusDays(2), NL)).isInstanceOf(IllegalArgumentException.class);
        StaffMember colleague = fixtures.member(Role.THERAPIST, OrganisationId.DEFAULT);
        assertThatThrownBy(() -> assignments.assign(colleague.userId(), share.id(), Assignment.Kind.EXERCISE, topic,
                null, NL)).isInstanceOf(ShareAccessDeniedException.class);
        assertThat(audit.aboutMe(person))
                .anyMatch(entry -> entry.recordType().equals(ReviewAssignmentService.REVIEW_ASSIGNMENT));

        reviews.revoke(person, share.id());
        assertThatThrownBy(() -> assignments.assignedBy(therapist.userId(), share.id(), NL))
                .isInstanceOf(ShareAccessDeniedException.class);
        assertThat(assignments.assignmentsOf(person, NL)).as("the person keeps what they were given").hasSize(2);

        personalData.deleteEverything(person);
        assertThat(assignments.assignmentsOf(person, NL)).isEmpty();
    }
}
