package nl.spiegel.identity;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.PastDialogue;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.QuestionnaireReminders;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Registration, confirmation, login elsewhere, password reset and the authenticator app, against the real database
 * and a real SMTP server (GreenMail): every link is taken from the mail that actually arrived.
 */
@SpiegelIntegrationTest
class AccountFlowsIT {

    private static final int SMTP_PORT = freePort();
    private static final String PASSWORD = "mijn kat heet Minoes en is zeven";
    private static final String ADDRESS = "192.0.2.10";
    private static final Pattern VERIFY_LINK = Pattern.compile("https://spiegel\\.test/verify-email\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern RESET_LINK = Pattern.compile("https://spiegel\\.test/reset-password\\?token=([A-Za-z0-9_-]{43})");

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spiegel.mail.from", () -> "Spiegel <noreply@spiegel.test>");
        registry.add("spiegel.accounts.public-url", () -> "https://spiegel.test");
    }

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock();
        }
    }

    @Autowired
    AccountService accounts;
    @Autowired
    LoginService logins;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    AccountSessions sessions;
    @Autowired
    ReviewService reviews;
    @Autowired
    nl.spiegel.privacy.PersonalDataService personalData;
    @Autowired
    QuestionnaireReminders reminders;
    @Autowired
    ProgressService progress;
    @Autowired
    nl.spiegel.dialogue.ExerciseJournal exerciseJournal;

    @BeforeEach
    void emptyMailbox() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void aVisitorWhoRegistersKeepsTheirDialoguesAndContinuesOnAnotherDevice() throws Exception {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        String written = "Ik slaap slecht sinds de verhuizing " + UUID.randomUUID();
        SessionSnapshot session = answerUntilFreeTextAndWrite(visitor, written);
        String email = "nieuw-" + UUID.randomUUID() + "@example.org";

        RegistrationResult result = accounts.register(visitor, email, PASSWORD, SpiegelI18NProvider.DUTCH);

        assertThat(result).isInstanceOf(RegistrationResult.MailSent.class);
        MimeMessage message = onlyMessage();
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(message.getFrom()[0].toString()).contains("noreply@spiegel.test");
        assertThat(message.getSubject()).isEqualTo("Bevestig je e-mailadres voor Spiegel");
        String body = body(message);
        assertThat(body).doesNotContain(written).doesNotContain("slaap").contains("113");
        String token = find(VERIFY_LINK, body);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?").param(visitor.userId().toString())
                .query(String.class).optional()).as("no account before the link is opened").isEmpty();

        VerificationResult verified = accounts.verifyEmail(token, visitor, null, ADDRESS);

        assertThat(verified).isInstanceOfSatisfying(VerificationResult.Verified.class,
                ok -> assertThat(ok.account().userId()).isEqualTo(visitor.userId()));
        var row = jdbc.sql("SELECT email, visitor_token_hash, email_verified_at, role FROM users WHERE id = ?")
                .param(visitor.userId().toString()).query().singleRow();
        assertThat(row.get("email")).isEqualTo(email);
        assertThat(row.get("visitor_token_hash")).as("the cookie alone no longer opens the account").isNull();
        assertThat(row.get("email_verified_at")).isNotNull();
        assertThat(row.get("role")).isEqualTo("CLIENT");
        assertThat(dialogues.history(visitor)).extracting(PastDialogue::id).contains(session.id());
        assertThat(accounts.verifyEmail(token, visitor, null, ADDRESS)).as("a link works once")
                .isInstanceOf(VerificationResult.Invalid.class);

        // another device: its own anonymous visitor until the person logs in
        Visitor otherDevice = visitors.resolve(VisitorToken.generate());
        assertThat(otherDevice.userId()).isNotEqualTo(visitor.userId());
        assertThat(dialogues.history(otherDevice)).isEmpty();
        LoginResult login = logins.logIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD, ADDRESS);
        assertThat(login).isInstanceOfSatisfying(LoginResult.LoggedIn.class, ok -> {
            assertThat(ok.account().userId()).isEqualTo(visitor.userId());
            Visitor loggedIn = new Visitor(ok.account().userId(), ok.account().organisationId());
            assertThat(dialogues.history(loggedIn)).extracting(PastDialogue::id).contains(session.id());
            assertThat(dialogues.open(loggedIn, session.id()).messages()).anyMatch(m -> written.equals(m.text().in("nl")));
        });
        assertThat(logins.logIn(email, "niet mijn wachtwoord hoor", ADDRESS)).isInstanceOf(LoginResult.Failed.class);
    }

    @Test
    void theLinkOpenedInAnotherBrowserAlsoNeedsThePasswordChosenAtRegistration() throws Exception {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        Visitor stranger = visitors.resolve(VisitorToken.generate());
        String email = "elders-" + UUID.randomUUID() + "@example.org";
        accounts.register(visitor, email, PASSWORD, SpiegelI18NProvider.DUTCH);
        String token = find(VERIFY_LINK, body(onlyMessage()));

        assertThat(accounts.verifyEmail(token, stranger, null, ADDRESS))
                .isInstanceOf(VerificationResult.PasswordNeeded.class);
        assertThat(accounts.verifyEmail(token, stranger, "een ander wachtwoord van iemand", ADDRESS))
                .isInstanceOf(VerificationResult.WrongPassword.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Integer.class).single())
                .isZero();

        VerificationResult verified = accounts.verifyEmail(token, stranger, PASSWORD, ADDRESS);

        assertThat(verified).isInstanceOfSatisfying(VerificationResult.Verified.class,
                ok -> assertThat(ok.account().userId()).as("the registering visitor's row, not the stranger's")
                        .isEqualTo(visitor.userId()));
    }

    @Test
    void registeringAnAddressThatHasAnAccountOnlySendsItsOwnerANotice() throws Exception {
        String email = registeredClient();
        mail.purgeEmailFromAllMailboxes();
        Visitor somebodyElse = visitors.resolve(VisitorToken.generate());

        RegistrationResult result = accounts.register(somebodyElse, email, "een heel ander lang wachtwoord",
                SpiegelI18NProvider.ENGLISH);

        assertThat(result).as("the screen cannot tell").isInstanceOf(RegistrationResult.MailSent.class);
        MimeMessage notice = onlyMessage();
        assertThat(notice.getSubject()).isEqualTo("You already have an account with Spiegel");
        assertThat(body(notice)).contains("https://spiegel.test/forgot-password").doesNotContain("verify-email");
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?").param(somebodyElse.userId().toString())
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndExpires() throws Exception {
        String email = registeredClient();
        mail.purgeEmailFromAllMailboxes();

        accounts.requestPasswordReset(" " + email.toUpperCase(java.util.Locale.ROOT) + " ", SpiegelI18NProvider.DUTCH);
        MimeMessage resetMail = onlyMessage();
        assertThat(resetMail.getSubject()).isEqualTo("Nieuw wachtwoord kiezen voor Spiegel");
        String token = find(RESET_LINK, body(resetMail));
        assertThat(accounts.isResetLinkValid(token)).isTrue();
        mail.purgeEmailFromAllMailboxes();

        assertThat(accounts.resetPassword(token, "wachtwoord123", SpiegelI18NProvider.DUTCH))
                .as("a refused password does not use the link up")
                .isInstanceOf(ResetResult.PasswordRejected.class);
        String newPassword = "de trein naar Zwolle was weer laat";
        assertThat(accounts.resetPassword(token, newPassword, SpiegelI18NProvider.DUTCH))
                .isInstanceOf(ResetResult.Done.class);
        assertThat(onlyMessage().getSubject()).as("the owner is told").isEqualTo(
                "Je wachtwoord voor Spiegel is veranderd");
        assertThat(logins.logIn(email, newPassword, ADDRESS)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(logins.logIn(email, PASSWORD, ADDRESS)).isInstanceOf(LoginResult.Failed.class);

        assertThat(accounts.resetPassword(token, "nog een keer iets anders nieuws", SpiegelI18NProvider.DUTCH))
                .as("second use").isInstanceOf(ResetResult.InvalidLink.class);
        assertThat(accounts.isResetLinkValid(token)).isFalse();

        mail.purgeEmailFromAllMailboxes();
        accounts.requestPasswordReset(email, SpiegelI18NProvider.DUTCH);
        String late = find(RESET_LINK, body(onlyMessage()));
        clock.advance(Duration.ofMinutes(31));
        assertThat(accounts.isResetLinkValid(late)).isFalse();
        assertThat(accounts.resetPassword(late, "te laat voor deze mooie link", SpiegelI18NProvider.DUTCH))
                .as("expired").isInstanceOf(ResetResult.InvalidLink.class);
        assertThat(logins.logIn(email, newPassword, ADDRESS)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void anUnknownAddressGetsNoResetMailButTheSameAnswer() throws Exception {
        accounts.requestPasswordReset("niemand-" + UUID.randomUUID() + "@example.org", SpiegelI18NProvider.DUTCH);

        assertThat(mail.waitForIncomingEmail(1500, 1)).isFalse();
        assertThat(accounts.isResetLinkValid("not-a-token")).isFalse();
    }

    @Test
    void aTherapistSetsUpTheAuthenticatorAppOnTheFirstLoginAndThenNeedsACodeEveryTime() {
        String email = "therapeut-" + UUID.randomUUID() + "@example.org";
        staff.create(email, PASSWORD, "Test Therapeut", Role.THERAPIST, OrganisationId.DEFAULT);

        LoginResult first = logins.logIn(email, PASSWORD, ADDRESS);
        assertThat(first).isInstanceOf(LoginResult.EnrolmentNeeded.class);
        PendingLogin enrolment = ((LoginResult.EnrolmentNeeded) first).pending();
        TotpSetup shownBefore = logins.enrolment(enrolment);
        TotpSetup setup = logins.enrolment(enrolment);
        assertThat(setup.secret()).as("a reload makes a new secret").isNotEqualTo(shownBefore.secret());
        assertThat(logins.confirmEnrolment(enrolment,
                Totp.code(Base32.decode(shownBefore.secret()), clock.instant()), ADDRESS))
                .as("the secret shown before no longer works").isInstanceOf(LoginResult.Failed.class);
        byte[] secret = Base32.decode(setup.secret());
        assertThat(setup.otpauthUri()).startsWith("otpauth://totp/Spiegel:").contains("secret=" + Base32.encode(secret));
        byte[] stored = jdbc.sql("SELECT totp_secret FROM users WHERE email = ?").param(email)
                .query(byte[].class).single();
        assertThat(stored).as("encrypted at rest").isNotEqualTo(secret);
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo(jdbc.sql("SELECT totp_key_id FROM users WHERE email = ?")
                .param(email).query(String.class).single());

        assertThat(logins.confirmEnrolment(enrolment, Totp.code(secret, clock.instant().plusSeconds(600)), ADDRESS))
                .as("wrong code").isInstanceOf(LoginResult.Failed.class);
        LoginResult enrolled = logins.confirmEnrolment(enrolment, Totp.code(secret, clock.instant()), ADDRESS);
        assertThat(enrolled).isInstanceOfSatisfying(LoginResult.LoggedIn.class,
                ok -> assertThat(ok.account().role()).isEqualTo(Role.THERAPIST));

        LoginResult next = logins.logIn(email, PASSWORD, ADDRESS);
        assertThat(next).isInstanceOf(LoginResult.SecondFactorNeeded.class);
        PendingLogin pending = ((LoginResult.SecondFactorNeeded) next).pending();
        assertThat(logins.secondFactor(pending, Totp.code(secret, clock.instant()), ADDRESS))
                .as("the code that was used already").isInstanceOf(LoginResult.Failed.class);
        clock.advance(Duration.ofSeconds(30));
        assertThat(logins.secondFactor(pending, "000000".equals(Totp.code(secret, clock.instant())) ? "111111"
                : "000000", ADDRESS)).isInstanceOf(LoginResult.Failed.class);
        assertThat(logins.secondFactor(pending, Totp.code(secret, clock.instant()), ADDRESS))
                .isInstanceOf(LoginResult.LoggedIn.class);

        PendingLogin slow = ((LoginResult.SecondFactorNeeded) logins.logIn(email, PASSWORD, ADDRESS)).pending();
        clock.advance(Duration.ofMinutes(6));
        assertThat(logins.secondFactor(slow, Totp.code(secret, clock.instant()), ADDRESS))
                .as("too long after the password").isInstanceOf(LoginResult.Expired.class);
    }

    @Test
    void tenWrongCodesInARowLockTheSecondStepUntilThePasswordIsResetByMail() throws Exception {
        String email = "therapeut-" + UUID.randomUUID() + "@example.org";
        staff.create(email, PASSWORD, "Test Therapeut", Role.THERAPIST, OrganisationId.DEFAULT);
        byte[] secret = enrol(email);

        tenWrongCodes(email, secret);
        clock.advance(Duration.ofDays(60));
        assertThat(logins.logIn(email, PASSWORD, ADDRESS)).as("still locked two months later")
                .isInstanceOf(LoginResult.SecondFactorLocked.class);

        accounts.requestPasswordReset(email, SpiegelI18NProvider.DUTCH);
        String token = find(RESET_LINK, body(onlyMessage()));
        mail.purgeEmailFromAllMailboxes();
        String newPassword = "de fietsenstalling bij het station is vol";
        assertThat(accounts.resetPassword(token, newPassword, SpiegelI18NProvider.DUTCH))
                .isInstanceOf(ResetResult.Done.class);
        onlyMessage();

        PendingLogin unlocked = ((LoginResult.SecondFactorNeeded) logins.logIn(email, newPassword, ADDRESS)).pending();
        assertThat(logins.secondFactor(unlocked, Totp.code(secret, clock.instant()), ADDRESS))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void anAdministratorOfTheOrganisationCanUnlockALockedSecondStepAndNobodyElse() {
        String email = "therapeut-" + UUID.randomUUID() + "@example.org";
        StaffMember therapist = staff.create(email, PASSWORD, "Test Therapeut", Role.THERAPIST,
                OrganisationId.DEFAULT);
        tenWrongCodes(email, enrol(email));
        assertThat(logins.logIn(email, PASSWORD, ADDRESS)).isInstanceOf(LoginResult.SecondFactorLocked.class);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        StaffMember colleague = staff.create("collega-" + unique + "@example.org", PASSWORD, "Collega",
                Role.THERAPIST, OrganisationId.DEFAULT);
        StaffMember admin = staff.create("beheer-" + unique + "@example.org", PASSWORD, "Beheer", Role.ORG_ADMIN,
                OrganisationId.DEFAULT);

        assertThatThrownBy(() -> logins.unlockSecondFactor(colleague.userId(), therapist.userId()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(logins.logIn(email, PASSWORD, ADDRESS)).isInstanceOf(LoginResult.SecondFactorLocked.class);
        logins.unlockSecondFactor(admin.userId(), therapist.userId());

        assertThat(logins.logIn(email, PASSWORD, ADDRESS)).isInstanceOf(LoginResult.SecondFactorNeeded.class);
    }

    @Test
    void resettingThePasswordLogsTheAccountOutEverywhere() throws Exception {
        String email = registeredClient();
        MockHttpSession elsewhere = loggedIn(email);
        mail.purgeEmailFromAllMailboxes();

        accounts.requestPasswordReset(email, SpiegelI18NProvider.DUTCH);
        String token = find(RESET_LINK, body(onlyMessage()));
        mail.purgeEmailFromAllMailboxes();
        assertThat(accounts.resetPassword(token, "een heel ander wachtwoord voor later", SpiegelI18NProvider.DUTCH))
                .isInstanceOf(ResetResult.Done.class);
        onlyMessage();

        assertThat(elsewhere.isInvalid()).isTrue();
    }

    @Test
    void deletingAnAccountEndsItsSessionsOnOtherDevices() throws Exception {
        String email = registeredClient();
        MockHttpSession elsewhere = loggedIn(email);
        LoginResult.LoggedIn login = (LoginResult.LoggedIn) logins.logIn(email, PASSWORD, ADDRESS);

        personalData.deleteEverything(new Visitor(login.account().userId(), login.account().organisationId()));

        assertThat(elsewhere.isInvalid()).isTrue();
    }

    /** Sets up the authenticator app of a staff account on its first login; returns the secret. */
    private byte[] enrol(String email) {
        PendingLogin enrolment = ((LoginResult.EnrolmentNeeded) logins.logIn(email, PASSWORD, ADDRESS)).pending();
        byte[] secret = Base32.decode(logins.enrolment(enrolment).secret());
        assertThat(logins.confirmEnrolment(enrolment, Totp.code(secret, clock.instant()), ADDRESS))
                .isInstanceOf(LoginResult.LoggedIn.class);
        return secret;
    }

    /** Ten wrong codes in a row, each after the right password. */
    private void tenWrongCodes(String email, byte[] secret) {
        for (int i = 0; i < 10; i++) {
            // slowly enough that the ordinary throttling never steps in: this is what it used to allow for months
            clock.advance(Duration.ofMinutes(16));
            PendingLogin pending = ((LoginResult.SecondFactorNeeded) logins.logIn(email, PASSWORD, ADDRESS)).pending();
            assertThat(logins.secondFactor(pending, Totp.code(secret, clock.instant().plus(Duration.ofHours(2))),
                    ADDRESS)).isInstanceOf(LoginResult.Failed.class);
        }
    }

    /** A browser session logged in as the account. */
    private MockHttpSession loggedIn(String email) {
        LoginResult.LoggedIn login = (LoginResult.LoggedIn) logins.logIn(email, PASSWORD, ADDRESS);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setSession(new MockHttpSession());
        sessions.logIn(login.account(), request, new MockHttpServletResponse());
        return (MockHttpSession) request.getSession();
    }

    @Test
    void theDemoTherapistUsesThePublishedSecret() {
        LoginResult result = logins.logIn(DemoAccountProperties.THERAPIST_EMAIL, "spiegel-demo-therapeut", ADDRESS);

        assertThat(result).isInstanceOf(LoginResult.SecondFactorNeeded.class);
        byte[] secret = Base32.decode(DemoAccountProperties.DEMO_TOTP_SECRET);
        assertThat(logins.secondFactor(((LoginResult.SecondFactorNeeded) result).pending(),
                Totp.code(secret, clock.instant()), ADDRESS)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(logins.logIn(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client", ADDRESS))
                .as("clients have no second step unless they switch it on")
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void sharingNoticesReachTheTherapistAndThePersonWithoutAnythingAnybodyWrote() throws Exception {
        String email = "client-" + UUID.randomUUID() + "@example.org";
        Visitor person = verifiedPerson(email);
        String words = "Geheim-" + UUID.randomUUID();
        SessionSnapshot dialogue = answerUntilFreeTextAndWrite(person, "Ik schrijf " + words);
        String therapistEmail = "therapeut-" + UUID.randomUUID() + "@example.org";
        StaffMember therapist = staff.create(therapistEmail, "een-lang-test-wachtwoord", "Therapeut Notitie",
                Role.THERAPIST, OrganisationId.DEFAULT);

        Share share = reviews.share(person, dialogue.id(), reviews.createInvite(therapist.userId()).code(), null);

        MimeMessage toTherapist = onlyMessage();
        assertThat(toTherapist.getAllRecipients()).extracting(Object::toString).containsExactly(therapistEmail);
        assertThat(body(toTherapist)).contains("https://spiegel.test/therapist/reviews")
                .doesNotContain(words, email, dialogue.title().in("nl"));
        mail.purgeEmailFromAllMailboxes();

        String feedback = "Reactie-" + UUID.randomUUID();
        reviews.addFeedback(therapist.userId(), share.id(), feedback);

        MimeMessage toPerson = onlyMessage();
        assertThat(toPerson.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(toPerson.getSubject() + body(toPerson)).contains("https://spiegel.test/my-dialogues")
                .doesNotContain(feedback, words, "Therapeut Notitie");
    }

    @Test
    void theWeeklyQuestionnaireReminderArrivesOnceAWeekWithoutContentEvenWithTwoNodesAndStopsWhenSwitchedOff()
            throws Exception {
        String email = "client-" + UUID.randomUUID() + "@example.org";
        Visitor person = verifiedPerson(email);
        String words = "Geheim-" + UUID.randomUUID();
        answerUntilFreeTextAndWrite(person, "Ik schrijf " + words);
        progress.submit(person, Instrument.PHQ9, List.of(2, 2, 2, 2, 2, 2, 2, 2, 0));
        assertThat(reminders.available(visitors.resolve(VisitorToken.generate()))).as("no address, no reminder")
                .isFalse();

        reminders.switchOn(person);
        assertThat(reminders.isOn(person)).isTrue();
        assertThat(reminders.sendDue()).as("not due before a week has passed").isZero();

        clock.advance(Duration.ofDays(7));
        // two nodes run the job at the same moment: the reminder goes out once
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = nodes.invokeAll(List.of(reminders::sendDue, reminders::sendDue));
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            assertThat(sent).isEqualTo(1);
        } finally {
            nodes.shutdown();
        }
        MimeMessage reminder = onlyMessage();
        assertThat(reminder.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(reminder.getSubject()).isEqualTo("Je wekelijkse herinnering van Spiegel");
        assertThat(body(reminder)).contains("https://spiegel.test/progress")
                .doesNotContain(words, email, "PHQ", "klachten");
        mail.purgeEmailFromAllMailboxes();
        assertThat(reminders.sendDue()).as("sent once, next one in a week").isZero();

        reminders.switchOff(person);
        clock.advance(Duration.ofDays(8));
        assertThat(reminders.sendDue()).isZero();
        assertThat(reminders.isOn(person)).isFalse();
        Thread.sleep(500);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anExerciseReminderArrivesAtThePlannedMomentWithoutTheNoteAndRepeatsOnlyWhenAsked() throws Exception {
        String email = "client-" + UUID.randomUUID() + "@example.org";
        Visitor person = verifiedPerson(email);
        nl.spiegel.dialogue.ExerciseId exercise = finishedExercise(person);
        String note = "Mijn geheime aantekening " + UUID.randomUUID();
        exerciseJournal.addNote(person, exercise, note);
        assertThat(exerciseJournal.remindersAvailable(person)).isTrue();

        java.time.Instant planned = clock.instant().plus(Duration.ofHours(3));
        exerciseJournal.planReminder(person, exercise, planned, 0, SpiegelI18NProvider.DUTCH);
        assertThatThrownBy(() -> exerciseJournal.planReminder(person, exercise, clock.instant().minusSeconds(60), 0,
                SpiegelI18NProvider.DUTCH)).isInstanceOf(nl.spiegel.dialogue.JournalEntryException.class);
        assertThat(exerciseJournal.reminder(person, exercise)).get()
                .extracting(nl.spiegel.dialogue.ExerciseReminder::next).isEqualTo(planned);

        clock.advance(Duration.ofHours(3).minusSeconds(1));
        assertThat(exerciseJournal.sendDueReminders()).as("not before the planned moment").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(exerciseJournal.sendDueReminders()).isEqualTo(1);

        MimeMessage reminder = onlyMessage();
        assertThat(reminder.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(reminder.getSubject()).isEqualTo("Een moment voor je oefening");
        assertThat(body(reminder)).contains("je had een moment gepland voor je oefening",
                        "https://spiegel.test/my-exercises")
                .doesNotContain(note, "geheime", "Mijn antwoord", email);
        mail.purgeEmailFromAllMailboxes();
        clock.advance(Duration.ofDays(1));
        assertThat(exerciseJournal.sendDueReminders()).as("a single reminder goes once").isZero();
        assertThat(exerciseJournal.reminder(person, exercise)).isEmpty();

        // every day from tomorrow, in English; stopped after the first one
        exerciseJournal.planReminder(person, exercise, clock.instant().plus(Duration.ofDays(1)), 1,
                java.util.Locale.ENGLISH);
        clock.advance(Duration.ofDays(1));
        assertThat(exerciseJournal.sendDueReminders()).isEqualTo(1);
        assertThat(onlyMessage().getSubject()).isEqualTo("A moment for your exercise");
        mail.purgeEmailFromAllMailboxes();
        assertThat(exerciseJournal.reminder(person, exercise)).get()
                .extracting(nl.spiegel.dialogue.ExerciseReminder::next)
                .isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        exerciseJournal.cancelReminder(person, exercise);
        clock.advance(Duration.ofDays(2));
        assertThat(exerciseJournal.sendDueReminders()).isZero();
        Thread.sleep(500);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private nl.spiegel.dialogue.ExerciseId finishedExercise(Visitor person) {
        SessionSnapshot session = dialogues.startNew(person, "wensen");
        for (int guard = 0; !session.finished(); guard++) {
            assertThat(guard).isLessThan(60);
            UserInput reply = switch (session.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Mijn antwoord " + guard);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                default -> throw new IllegalStateException("unexpected prompt");
            };
            session = dialogues.answer(person, session.id(), session.revision(), reply);
        }
        return dialogues.exercises(person).getFirst().id();
    }

    /** A person who registered with this address and verified it; the mailbox is empty again. */
    private Visitor verifiedPerson(String email) throws Exception {
        Visitor person = visitors.resolve(VisitorToken.generate());
        accounts.register(person, email, PASSWORD, SpiegelI18NProvider.DUTCH);
        assertThat(accounts.verifyEmail(find(VERIFY_LINK, body(onlyMessage())), person, null, ADDRESS))
                .isInstanceOf(VerificationResult.Verified.class);
        mail.purgeEmailFromAllMailboxes();
        return person;
    }

    private String registeredClient() throws Exception {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        String email = "client-" + UUID.randomUUID() + "@example.org";
        accounts.register(visitor, email, PASSWORD, SpiegelI18NProvider.DUTCH);
        String token = find(VERIFY_LINK, body(onlyMessage()));
        assertThat(accounts.verifyEmail(token, visitor, null, ADDRESS)).isInstanceOf(VerificationResult.Verified.class);
        return email;
    }

    private SessionSnapshot answerUntilFreeTextAndWrite(Visitor visitor, String text) {
        SessionSnapshot session = dialogues.startOrResume(visitor, "kennismaking");
        while (!(session.prompt() instanceof Prompt.FreeText)) {
            Prompt.Choices choices = (Prompt.Choices) session.prompt();
            session = dialogues.answer(visitor, session.id(), session.revision(),
                    new UserInput.Choice(choices.options().getFirst().value()));
        }
        return dialogues.answer(visitor, session.id(), session.revision(), new UserInput.Text(text));
    }

    /** Mails go out after the commit on a background thread: wait for exactly one. */
    private static MimeMessage onlyMessage() throws InterruptedException {
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("a mail arrived").isTrue();
        Thread.sleep(200);
        MimeMessage[] messages = mail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static String body(MimeMessage message) throws IOException, MessagingException {
        return message.getContent().toString();
    }

    private static String find(Pattern link, String body) {
        Matcher matcher = link.matcher(body);
        assertThat(matcher.find()).as("link in %s", body).isTrue();
        return matcher.group(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
