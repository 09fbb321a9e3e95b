package nl.spiegel.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.auth.NavigationContext;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.audit.AuditQuery;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.audit.ui.AuditLogView;
import nl.spiegel.authoring.ui.AnalyticsView;
import nl.spiegel.authoring.ui.ScriptEditorView;
import nl.spiegel.dialogue.ui.PreviewView;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.ExerciseId;
import nl.spiegel.dialogue.ExerciseItem;
import nl.spiegel.dialogue.PastDialogue;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionNotFoundException;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.ui.ChatView;
import nl.spiegel.dialogue.ui.MyDialoguesView;
import nl.spiegel.dialogue.ui.MyExercisesView;
import nl.spiegel.dialogue.ui.StartView;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningNotFoundException;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.handoff.CallbackRequest;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.EscalationId;
import nl.spiegel.escalation.handoff.HandoffAccessDeniedException;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.SharedAlerts;
import nl.spiegel.escalation.handoff.ui.TherapistWorkspaceView;
import nl.spiegel.escalation.ui.SafetyPlanView;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.identity.ui.AccountView;
import nl.spiegel.identity.ui.ForgotPasswordView;
import nl.spiegel.identity.ui.LoginView;
import nl.spiegel.identity.ui.RegisterView;
import nl.spiegel.identity.ui.ResetPasswordView;
import nl.spiegel.identity.ui.TwoFactorView;
import nl.spiegel.identity.ui.VerifyEmailView;
import nl.spiegel.learn.ui.LearnView;
import nl.spiegel.learn.ui.TopicView;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.portal.OrganisationAdmin;
import nl.spiegel.portal.ui.EmbedView;
import nl.spiegel.portal.ui.OrganisationSettingsView;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.privacy.ui.DataDeletedView;
import nl.spiegel.privacy.ui.MyDataView;
import nl.spiegel.privacy.ui.PrivacyView;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.SharedProgressService;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.ui.ProgressPrintView;
import nl.spiegel.progress.ui.ProgressView;
import nl.spiegel.progress.ui.QuestionnaireView;
import nl.spiegel.review.ExpertDirectory;
import nl.spiegel.review.ExpertFilter;
import nl.spiegel.review.ExpertProfile;
import nl.spiegel.review.ExpertUnavailableException;
import nl.spiegel.review.InboxFilter;
import nl.spiegel.progress.ui.TherapistProgressView;
import nl.spiegel.review.InboxItem;
import nl.spiegel.review.InvalidInviteException;
import nl.spiegel.review.RegistrationRequiredException;
import nl.spiegel.review.Assignment;
import nl.spiegel.review.ReviewAssignmentService;
import nl.spiegel.review.ReviewNotice;
import nl.spiegel.review.ReviewNoticeService;
import nl.spiegel.review.ReviewService;
import nl.spiegel.review.Share;
import nl.spiegel.review.ShareId;
import nl.spiegel.review.ShareRequest;
import nl.spiegel.review.ShareScope;
import nl.spiegel.review.StandingShare;
import nl.spiegel.review.ui.ExpertDirectoryView;
import nl.spiegel.review.ui.ExpertProfileView;
import nl.spiegel.review.ui.ExpertView;
import nl.spiegel.review.ui.NoticesView;
import nl.spiegel.review.ui.ReviewInboxView;
import nl.spiegel.review.ui.ReviewTranscriptView;
import nl.spiegel.review.ui.ShareDialogueView;
import nl.spiegel.risk.RiskLevel;

/**
 * Who may do what, as one explicit table: every route of the application for every role, and the data-bearing
 * service entry points for every kind of caller against their own data, another person's data of the same
 * organisation and data of another organisation. A new view, or a service that starts letting the wrong person in,
 * makes this test fail; so does a row that no longer matches the design.
 */
@SpiegelIntegrationTest
class AccessMatrixIT extends SpringBrowserlessTest {

    // =================================================================================================================
    // 1. Routes
    // =================================================================================================================

    enum Who { ANONYMOUS, CLIENT, THERAPIST, ORG_ADMIN, PLATFORM_ADMIN, CONTENT_EDITOR }

    /**
     * The CONTENT_EDITOR column, kept as a rule rather than a sixth column of {@link #ROUTES}: a content editor
     * reaches the routes every logged-in role reaches, and besides those only writing and previewing dialogues.
     */
    private static final Set<Class<?>> CONTENT_EDITOR_ALSO = Set.of(ScriptEditorView.class, PreviewView.class);

    private static final boolean Y = true;
    private static final boolean N = false;

    /**
     * The designed access per route. Columns: ANONYMOUS, CLIENT, THERAPIST, ORG_ADMIN, PLATFORM_ADMIN. The path is
     * what is navigated to (routes with a required parameter get a harmless one).
     */
    private static final List<RouteRow> ROUTES = List.of(
            //                                                           anon client ther  org  platform
            new RouteRow(StartView.class, "",                              Y,   Y,    Y,    Y,   Y),
            new RouteRow(ChatView.class, "dialogue/" + UUID.randomUUID(), Y,   Y,    Y,    Y,   Y),
            new RouteRow(MyDialoguesView.class, "my-dialogues",            Y,   Y,    Y,    Y,   Y),
            new RouteRow(MyExercisesView.class, "my-exercises",            Y,   Y,    Y,    Y,   Y),
            new RouteRow(SafetyPlanView.class, "safety-plan",              Y,   Y,    Y,    Y,   Y),
            new RouteRow(ProgressView.class, "progress",                   Y,   Y,    Y,    Y,   Y),
            new RouteRow(QuestionnaireView.class, "progress/questionnaire/phq9", Y, Y,  Y,    Y,   Y),
            new RouteRow(ProgressPrintView.class, "progress/print",        Y,   Y,    Y,    Y,   Y),
            new RouteRow(TherapistProgressView.class, "therapist/progress/" + UUID.randomUUID(),
                                                                           N,   N,    Y,    N,   N),
            new RouteRow(LearnView.class, "learn",                         Y,   Y,    Y,    Y,   Y),
            new RouteRow(TopicView.class, "learn/no-such-topic",           Y,   Y,    Y,    Y,   Y),
            new RouteRow(PrivacyView.class, "privacy",                     Y,   Y,    Y,    Y,   Y),
            new RouteRow(MyDataView.class, "my-data",                      Y,   Y,    Y,    Y,   Y),
            new RouteRow(DataDeletedView.class, "my-data/deleted",         Y,   Y,    Y,    Y,   Y),
            new RouteRow(RegisterView.class, "register",                   Y,   Y,    Y,    Y,   Y),
            new RouteRow(ForgotPasswordView.class, "forgot-password",      Y,   Y,    Y,    Y,   Y),
            new RouteRow(ResetPasswordView.class, "reset-password",        Y,   Y,    Y,    Y,   Y),
            new RouteRow(VerifyEmailView.class, "verify-email",            Y,   Y,    Y,    Y,   Y),
            new RouteRow(LoginView.class, "login",                         Y,   Y,    Y,    Y,   Y),
            new RouteRow(TwoFactorView.class, "two-factor",                Y,   Y,    Y,    Y,   Y),
            new RouteRow(AccountView.class, "account",                     N,   Y,    Y,    Y,   Y),
            new RouteRow(TherapistWorkspaceView.class, "therapist",        N,   N,    Y,    N,   N),
            new RouteRow(ShareDialogueView.class, "share/" + UUID.randomUUID(), Y, Y,   Y,    Y,   Y),
            new RouteRow(NoticesView.class, "notifications",               N,   Y,    Y,    Y,   Y),
            new RouteRow(ExpertDirectoryView.class, "experts",             Y,   Y,    Y,    Y,   Y),
            new RouteRow(ExpertView.class, "expert/" + UUID.randomUUID(),  Y,   Y,    Y,    Y,   Y),
            new RouteRow(ExpertProfileView.class, "therapist/profile",     N,   N,    Y,    N,   N),
            new RouteRow(ReviewInboxView.class, "therapist/reviews",       N,   N,    Y,    N,   N),
            new RouteRow(ReviewTranscriptView.class, "therapist/review/" + UUID.randomUUID(),
                                                                           N,   N,    Y,    N,   N),
            new RouteRow(AuditLogView.class, "admin/audit",                N,   N,    N,    Y,   Y),
            new RouteRow(OrganisationSettingsView.class, "admin/organisation", N, N,  N,    Y,   Y),
            new RouteRow(EmbedView.class, "embed/spiegel",                 Y,   Y,    Y,    Y,   Y),
            new RouteRow(ScriptEditorView.class, "admin/dialogues",        N,   N,    N,    Y,   Y),
            new RouteRow(PreviewView.class, "admin/dialogues/preview",     N,   N,    N,    Y,   Y),
            new RouteRow(AnalyticsView.class, "admin/analytics",           N,   N,    N,    Y,   Y));

    /**
     * Where an allowed navigation ends when the view itself sends the person on (not an access decision): the login
     * page sends logged-in people to their account, the code step without a pending login goes to the login page.
     */
    private static final Map<Class<?>, Map<Who, Class<?>>> FORWARDS = Map.of(
            EmbedView.class, Map.of(Who.ANONYMOUS, StartView.class, Who.CLIENT, StartView.class,
                    Who.THERAPIST, StartView.class, Who.ORG_ADMIN, StartView.class,
                    Who.PLATFORM_ADMIN, StartView.class, Who.CONTENT_EDITOR, StartView.class),
            LoginView.class, Map.of(Who.CLIENT, AccountView.class, Who.THERAPIST, AccountView.class,
                    Who.ORG_ADMIN, AccountView.class, Who.PLATFORM_ADMIN, AccountView.class,
                    Who.CONTENT_EDITOR, AccountView.class),
            TwoFactorView.class, Map.of(Who.ANONYMOUS, LoginView.class, Who.CLIENT, AccountView.class,
                    Who.THERAPIST, AccountView.class, Who.ORG_ADMIN, AccountView.class,
                    Who.PLATFORM_ADMIN, AccountView.class, Who.CONTENT_EDITOR, AccountView.class));

    record RouteRow(Class<? extends Component> view, String path, Map<Who, Boolean> allowed) {
        RouteRow(Class<? extends Component> view, String path, boolean anonymous, boolean client, boolean therapist,
                 boolean orgAdmin, boolean platformAdmin) {
            this(view, path, new EnumMap<>(Map.of(Who.ANONYMOUS, anonymous, Who.CLIENT, client,
                    Who.THERAPIST, therapist, Who.ORG_ADMIN, orgAdmin, Who.PLATFORM_ADMIN, platformAdmin,
                    Who.CONTENT_EDITOR, client && therapist && orgAdmin && platformAdmin
                            || CONTENT_EDITOR_ALSO.contains(view))));
        }
    }

    @Autowired
    NavigationAccessControl navigationAccessControl;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyRouteHasARowInTheTable() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> scanned = scanner.findCandidateComponents("nl.spiegel").stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inTable = ROUTES.stream().map(row -> row.view().getName())
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(scanned);
        missing.removeAll(inTable);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(scanned);
        assertThat(missing).as("@Route classes without a row in AccessMatrixIT.ROUTES: add one with the designed "
                + "access for every role").isEmpty();
        assertThat(stale).as("rows in AccessMatrixIT.ROUTES for classes that are no longer a @Route").isEmpty();
        assertThat(scanned).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void everyRoleReachesExactlyTheRoutesDesignedForIt() {
        Map<Who, AccountUserDetails> principals = new EnumMap<>(Who.class);
        principals.put(Who.CLIENT, demoClient());
        principals.put(Who.THERAPIST, principal(member(Role.THERAPIST, OrganisationId.DEFAULT)));
        principals.put(Who.ORG_ADMIN, principal(member(Role.ORG_ADMIN, OrganisationId.DEFAULT)));
        principals.put(Who.PLATFORM_ADMIN, principal(member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT)));
        principals.put(Who.CONTENT_EDITOR, principal(member(Role.CONTENT_EDITOR, OrganisationId.DEFAULT)));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Who who : Who.values()) {
            SecurityContextHolder.clearContext();
            if (who != Who.ANONYMOUS) {
                AccountUserDetails principal = principals.get(who);
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                        .authenticated(principal, null, principal.getAuthorities()));
            }
            for (RouteRow row : ROUTES) {
                cells++;
                boolean expected = row.allowed().get(who);
                String cell = who + " -> /" + row.path() + " (" + row.view().getSimpleName() + ")";

                // the decision of Vaadin's navigation access control, the same bean the router consults
                NavigationContext context = navigationAccessControl.createNavigationContext(row.view(), row.path(),
                        VaadinService.getCurrent(), VaadinRequest.getCurrent());
                AccessCheckResult decision = navigationAccessControl.checkAccess(context, false);
                boolean decidedAllowed = decision.decision() == AccessCheckDecision.ALLOW;
                if (decidedAllowed != expected) {
                    wrong.add(cell + ": expected " + (expected ? "ALLOWED" : "DENIED") + " but access control said "
                            + decision);
                }

                // and what a navigation really shows
                Object shown;
                try {
                    navigate(row.path(), Component.class);
                    shown = getCurrentView();
                } catch (RuntimeException | AssertionError e) {
                    wrong.add(cell + ": navigating failed with " + e);
                    continue;
                }
                Class<?> expectedView = expected
                        ? FORWARDS.getOrDefault(row.view(), Map.of()).getOrDefault(who, row.view())
                        : who == Who.ANONYMOUS ? LoginView.class : RouteNotFoundError.class;
                if (!expectedView.isInstance(shown)) {
                    wrong.add(cell + ": expected " + (expected ? "ALLOWED" : "DENIED") + ", showing "
                            + expectedView.getSimpleName() + ", but it showed " + shown.getClass().getSimpleName());
                }
            }
        }
        assertThat(cells).isEqualTo(ROUTES.size() * Who.values().length);
        assertThat(wrong).as("route access that differs from the design").isEmpty();
    }

    // =================================================================================================================
    // 2. Service entry points
    // =================================================================================================================

    /**
     * The callers. Visitor A is an anonymous (pseudonymous) visitor: for the services that take a user id instead of
     * a {@link Visitor} it plays "anonymous". The default organisation is organisation 1; platform admins carry it
     * too, but are not scoped by it.
     */
    enum Caller {
        VISITOR_A(1), CLIENT_B(1), CLIENT_ORG2(2), THERAPIST_1(1), THERAPIST_1B(1), THERAPIST_2(2), ORG_ADMIN_1(1),
        ORG_ADMIN_2(2), PLATFORM_ADMIN(0);

        final int organisation;

        Caller(int organisation) {
            this.organisation = organisation;
        }
    }

    /**
     * The designed service access: Y = the call succeeds and reaches the target data, N = it is refused (an access
     * exception, "not found", or the data simply is not among what the caller gets). The target's owner is given
     * per row; for every caller the column header says whether that is their own data, another person's of the same
     * organisation, or another organisation's (see {@link #relation}).
     */
    private static final String SERVICE_MATRIX = """
            # operation                                           owner        A  B  C  T1 T1b T2 OA1 OA2 PA
            DialogueService.open(session)                         VISITOR_A    Y  N  N  N  N   N  N   N   N
            DialogueService.answer(session)                       VISITOR_A    Y  N  N  N  N   N  N   N   N
            DialogueService.history                               VISITOR_A    Y  N  N  N  N   N  N   N   N
            DialogueService.exercises                             VISITOR_A    Y  N  N  N  N   N  N   N   N
            DialogueService.markExercise                          VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExerciseJournal.notes                                 VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExerciseJournal.addNote                               VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExerciseJournal.followUp                              VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExerciseJournal.cancelReminder                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            SafetyPlanService.load                                VISITOR_A    Y  N  N  N  N   N  N   N   N
            ProgressService.history                               VISITOR_A    Y  N  N  N  N   N  N   N   N
            ProgressService.history                               CLIENT_ORG2  N  N  Y  N  N   N  N   N   N
            SafetyPlanService.save(overwritesOwnersPlan)       VISITOR_A    Y  N  N  N  N   N  N   N   N
            ScreeningService.find                                 VISITOR_A    Y  N  N  N  N   N  N   N   N
            ScreeningService.answer                               VISITOR_A    Y  N  N  N  N   N  N   N   N
            ScreeningService.dismiss                              VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.escalation(person)                     VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.conversation(person)                   VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.sendFromPerson                         VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.leaveContact                           VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.latest(session)                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            SharedAlerts.choose                                   VISITOR_A    Y  N  N  N  N   N  N   N   N
            HandoffService.openRequests(queue)                    VISITOR_A    N  N  N  Y  Y   N  N   N   N
            HandoffService.openRequests(queue)                    CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            HandoffService.accept                                 VISITOR_A    N  N  N  Y  Y   N  N   N   N
            HandoffService.accept                                 CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            HandoffService.conversation(therapist)                VISITOR_A    N  N  N  Y  N   N  N   N   N
            HandoffService.escalation(therapist)                  VISITOR_A    N  N  N  Y  N   N  N   N   N
            HandoffService.sendFromTherapist                      VISITOR_A    N  N  N  Y  N   N  N   N   N
            HandoffService.close(live)                            VISITOR_A    N  N  N  Y  N   N  N   N   N
            HandoffService.close(timedOut)                       VISITOR_A    N  N  N  Y  Y   N  N   N   N
            HandoffService.callbacks                              VISITOR_A    N  N  N  Y  Y   N  N   N   N
            HandoffService.outcomeNote                            VISITOR_A    N  N  N  Y  N   N  Y   N   N
            SharedAlerts.read                                     VISITOR_A    N  N  N  Y  N   N  N   N   N
            PersonalDataService.exportJson                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            PersonalDataService.exportHtml                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            PersonalDataService.deleteEverything(self)            SELF         Y  Y  Y  N  N   N  N   N   N
            AuditTrail.search                                     VISITOR_A    N  N  N  N  N   N  Y   N   Y
            AuditTrail.search                                     CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            AuditTrail.search(filteredOnSubject)                VISITOR_A    N  N  N  N  N   N  Y   N   Y
            AuditTrail.exportCsv                                  VISITOR_A    N  N  N  N  N   N  Y   N   Y
            AuditTrail.exportCsv                                  CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            AuditTrail.aboutMe                                    VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.share(ownersDialogue)                   VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.sharesOf                                VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.revoke                                  VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.feedbackFor                             VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.createInvite(usableInOwnersOrg)         VISITOR_A    N  N  N  Y  Y   N  N   N   N
            ReviewService.createInvite(usableInOwnersOrg)         CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewService.inbox                                   VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.inbox                                   CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewService.read                                    VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.read                                    CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewService.read(revoked)                           VISITOR_A    N  N  N  N  N   N  N   N   N
            ReviewService.read(ended)                             VISITOR_A    N  N  N  N  N   N  N   N   N
            ReviewService.addFeedback                             VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.addNote                                 VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.share(fromNowOn)                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.standingSharesOf                        VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.revokeStanding                          VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewService.inbox(filtered)                         VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.inbox(filtered)                         CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewService.inbox(laterDialogueFromNowOn)           VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewService.read(fromNowOnRevoked)                  VISITOR_A    N  N  N  N  N   N  N   N   N
            ReviewNoticeService.noticesOf                         VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewNoticeService.markRead                          VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewNoticeService.noticesOfTherapist                VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewNoticeService.noticesOfTherapist                CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewNoticeService.markReadByTherapist               VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewAssignmentService.options                       VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewAssignmentService.assign                        VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewAssignmentService.assign                        CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ReviewAssignmentService.assign(revoked)               VISITOR_A    N  N  N  N  N   N  N   N   N
            ReviewAssignmentService.assignedBy                    VISITOR_A    N  N  N  Y  N   N  N   N   N
            ReviewAssignmentService.assignmentsOf                 VISITOR_A    Y  N  N  N  N   N  N   N   N
            ReviewAssignmentService.markDone                      VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExpertDirectory.directory                             VISITOR_A    Y  Y  N  Y  Y   N  Y   N   Y
            ExpertDirectory.directory                             CLIENT_ORG2  N  N  Y  N  N   Y  N   Y   N
            ExpertDirectory.saveProfile(own)                      SELF         N  N  N  Y  Y   Y  N   N   N
            ExpertDirectory.request                               VISITOR_A    Y  N  N  N  N   N  N   N   N
            ExpertDirectory.openRequests                          VISITOR_A    N  N  N  Y  N   N  N   N   N
            ExpertDirectory.openRequests                          CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            ExpertDirectory.answer                                VISITOR_A    N  N  N  Y  N   N  N   N   N
            OrganisationAdmin.organisation                        VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.organisation                        CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.administered                        VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.administered                        CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.saveEmbedOrigins                    VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.saveEmbedOrigins                    CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.saveOfferedDialogues                VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.saveOfferedDialogues                CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.crisisContacts                      VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.crisisContacts                      CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.therapists                          VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.therapists                          CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.singleSignOn                        VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.singleSignOn                        CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.saveSingleSignOn                    VISITOR_A    N  N  N  N  N   N  Y   N   Y
            OrganisationAdmin.saveSingleSignOn                    CLIENT_ORG2  N  N  N  N  N   N  N   Y   Y
            OrganisationAdmin.create(self)                        SELF         N  N  N  N  N   N  N   N   Y
            SharedProgressService.read                            VISITOR_A    N  N  N  Y  N   N  N   N   N
            SharedProgressService.read                            CLIENT_ORG2  N  N  N  N  N   Y  N   N   N
            SharedProgressService.read(revoked)                   VISITOR_A    N  N  N  N  N   N  N   N   N
            SharedProgressService.read(noShare)                   VISITOR_A    N  N  N  N  N   N  N   N   N
            """;

    /** The exceptions with which a service refuses a caller; anything else is an error of the test. */
    private static final List<Class<? extends Exception>> REFUSALS = List.of(HandoffAccessDeniedException.class,
            AccessDeniedException.class, SessionNotFoundException.class, ScreeningNotFoundException.class,
            InvalidInviteException.class, RegistrationRequiredException.class, ExpertUnavailableException.class);

    @FunctionalInterface
    interface Attempt {
        /** @return whether the caller reached the owner's data; a refusal throws one of {@link #REFUSALS} */
        boolean reaches(Caller caller, Caller owner) throws Exception;
    }

    @Autowired
    VisitorService visitors;
    @Autowired
    ProgressService progress;
    @Autowired
    SharedProgressService sharedProgress;

    private final Map<Caller, UUID> questionnaires = new EnumMap<>(Caller.class);
    @Autowired
    DialogueService dialogues;
    @Autowired
    nl.spiegel.dialogue.ExerciseJournal exerciseJournal;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    ScreeningService screenings;
    @Autowired
    HandoffService handoffs;
    @Autowired
    SharedAlerts sharedAlerts;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    AuditTrail audit;
    @Autowired
    ReviewService reviews;
    @Autowired
    ReviewNoticeService reviewNotices;
    @Autowired
    ReviewAssignmentService reviewAssignments;
    @Autowired
    ExpertDirectory expertDirectory;
    @Autowired
    OrganisationAdmin organisationAdmin;
    @Autowired
    OrganisationDirectory organisationDirectory;

    private final Map<Caller, Visitor> asVisitor = new EnumMap<>(Caller.class);
    private final Map<Caller, StaffMember> members = new EnumMap<>(Caller.class);
    private final Map<Caller, Fixture> data = new EnumMap<>(Caller.class);
    private OrganisationId organisation2;

    /** What an owner has: texts with a marker nobody else has, and ids of their records. */
    record Fixture(String marker, SessionId finishedSession, SessionId openSession, ExerciseId exercise,
                   Screening screening, EscalationId liveHandoff, String chatMarker) {
    }

    @Test
    void everyServiceEntryPointLetsInExactlyTheCallersDesignedForIt() throws Exception {
        setUpCallersAndData();
        Map<String, Attempt> attempts = attempts();

        List<String> wrong = new ArrayList<>();
        List<String> table = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        int cells = 0;
        for (String line : SERVICE_MATRIX.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] columns = line.strip().split("\\s+");
            assertThat(columns).as("row '%s': operation, owner and one column per caller", line)
                    .hasSize(2 + Caller.values().length);
            String operation = columns[0];
            Attempt attempt = attempts.get(operation);
            if (attempt == null) {
                fail("no attempt for the row '" + operation + "': add it to attempts()");
            }
            used.add(operation);
            Caller owner = columns[1].equals("SELF") ? null : Caller.valueOf(columns[1]);
            for (Caller caller : Caller.values()) {
                String expectedCell = columns[2 + caller.ordinal()];
                assertThat(expectedCell).isIn("Y", "N");
                boolean expected = expectedCell.equals("Y");
                String outcome;
                boolean reached;
                try {
                    reached = attempt.reaches(caller, owner == null ? caller : owner);
                    outcome = reached ? "ALLOWED" : "NOT VISIBLE";
                } catch (Exception e) {
                    if (REFUSALS.stream().noneMatch(refusal -> refusal.isInstance(e))) {
                        wrong.add(operation + " by " + caller + ": unexpected " + e);
                        continue;
                    }
                    reached = false;
                    outcome = "REFUSED (" + e.getClass().getSimpleName() + ")";
                }
                cells++;
                String cell = String.format("%-45s %-12s by %-14s [%-14s] expected %-7s got %s", operation,
                        owner == null ? "SELF" : owner, caller, relation(caller, owner == null ? caller : owner),
                        expected ? "ALLOWED" : "DENIED", outcome);
                table.add(cell);
                if (reached != expected) {
                    wrong.add(cell);
                }
            }
        }
        System.out.println("Access matrix, services:\n" + String.join("\n", table));
        assertThat(attempts.keySet()).as("attempts without a row in the matrix").isSubsetOf(used);
        assertThat(cells).isGreaterThanOrEqualTo(48 * Caller.values().length);
        assertThat(wrong).as("service access that differs from the design").isEmpty();
    }

    /** Whose data the target is, seen from the caller. */
    private String relation(Caller caller, Caller owner) {
        if (caller == owner) {
            return "own";
        }
        if (caller.organisation == 0) {
            return "platform-wide";
        }
        return caller.organisation == owner.organisation ? "same org" : "other org";
    }

    /** True when the call went through; the journal refuses someone else's exercise as unknown. */
    private static boolean ownExercise(java.util.function.Supplier<?> call) {
        try {
            call.get();
            return true;
        } catch (IllegalArgumentException notTheirs) {
            return false;
        }
    }

    private Map<String, Attempt> attempts() {
        Map<String, Attempt> attempts = new LinkedHashMap<>();

        // ---- dialogues: only ever the visitor's own ----
        attempts.put("DialogueService.open(session)", (caller, owner) ->
                dialogues.open(visitor(caller), data.get(owner).openSession()).id() != null);
        attempts.put("DialogueService.answer(session)", (caller, owner) -> {
            // a fresh session of the owner each time, so one answer does not change what the next caller sees
            SessionSnapshot session = dialogues.startNew(visitor(owner), "zelfbeeld");
            SessionSnapshot after = dialogues.answer(visitor(caller), session.id(), session.revision(),
                    anyReply(session));
            return after.revision() > session.revision();
        });
        attempts.put("DialogueService.history", (caller, owner) -> dialogues.history(visitor(caller)).stream()
                .map(PastDialogue::id).anyMatch(id -> id.equals(data.get(owner).finishedSession())));
        attempts.put("DialogueService.exercises", (caller, owner) -> dialogues.exercises(visitor(caller)).stream()
                .map(ExerciseItem::id).anyMatch(id -> id.equals(data.get(owner).exercise())));
        attempts.put("DialogueService.markExercise", (caller, owner) -> {
            try {
                dialogues.markExercise(visitor(caller), data.get(owner).exercise(), true);
                return true;
            } catch (IllegalArgumentException notTheirs) {
                return false;
            }
        });

        // ---- the journal of an exercise: only the person themselves ----
        attempts.put("ExerciseJournal.notes", (caller, owner) -> ownExercise(
                () -> exerciseJournal.notes(visitor(caller), data.get(owner).exercise())));
        attempts.put("ExerciseJournal.addNote", (caller, owner) -> ownExercise(
                () -> exerciseJournal.addNote(visitor(caller), data.get(owner).exercise(), "Een aantekening")));
        attempts.put("ExerciseJournal.followUp", (caller, owner) -> ownExercise(
                () -> exerciseJournal.followUp(visitor(caller), data.get(owner).exercise(),
                        nl.spiegel.dialogue.ExerciseFollowUp.Outcome.WELL, "")));
        attempts.put("ExerciseJournal.cancelReminder", (caller, owner) -> ownExercise(() -> {
            exerciseJournal.cancelReminder(visitor(caller), data.get(owner).exercise());
            return null;
        }));

        // ---- questionnaire results: only the person themselves ----
        attempts.put("ProgressService.history", (caller, owner) -> progress.history(visitor(caller)).stream()
                .anyMatch(result -> result.id().equals(questionnaires.get(owner))));

        // ---- safety plan ----
        attempts.put("SafetyPlanService.load", (caller, owner) -> plans.load(visitor(caller))
                .text(SafetyPlan.Section.WARNING_SIGNS).contains(data.get(owner).marker()));
        attempts.put("SafetyPlanService.save(overwritesOwnersPlan)", (caller, owner) -> {
            String written = "geschreven door " + caller + " " + UUID.randomUUID();
            plans.save(visitor(caller), SafetyPlan.empty().with(SafetyPlan.Section.REASONS_TO_LIVE, written));
            boolean reached = plans.load(visitor(owner)).text(SafetyPlan.Section.REASONS_TO_LIVE).equals(written);
            if (caller == owner) {
                plans.save(visitor(owner), planOf(owner));
            }
            return reached;
        });

        // ---- screenings ----
        attempts.put("ScreeningService.find", (caller, owner) ->
                screenings.find(visitor(caller), data.get(owner).screening().id()).isPresent());
        attempts.put("ScreeningService.answer", (caller, owner) -> {
            Screening fresh = screenings.start(visitor(owner), data.get(owner).openSession(), RiskLevel.CONCERN);
            Screening answered = screenings.answer(visitor(caller), fresh.id(), fresh.next().orElseThrow(), false);
            return answered.screener().answers().size() == 1;
        });
        attempts.put("ScreeningService.dismiss", (caller, owner) -> {
            Screening fresh = screenings.start(visitor(owner), data.get(owner).openSession(), RiskLevel.CONCERN);
            return screenings.dismiss(visitor(caller), fresh.id()).dismissed();
        });

        // ---- the live handoff, the person's side ----
        attempts.put("HandoffService.escalation(person)", (caller, owner) ->
                handoffs.escalation(visitor(caller), data.get(owner).liveHandoff()).id() != null);
        attempts.put("HandoffService.conversation(person)", (caller, owner) ->
                handoffs.conversation(visitor(caller), data.get(owner).liveHandoff()).stream()
                        .map(HandoffMessage::text).anyMatch(text -> text.contains(data.get(owner).chatMarker())));
        attempts.put("HandoffService.sendFromPerson", (caller, owner) ->
                handoffs.sendFromPerson(visitor(caller), data.get(owner).liveHandoff(), "bericht van " + caller)
                        .id() > 0);
        attempts.put("HandoffService.leaveContact", (caller, owner) -> {
            EscalationId timedOut = timedOutRequest(freshPerson(owner));
            Visitor person = visitor(caller);
            if (caller == owner) {
                // the owner's own open request is the live one; leave the contact as the fresh person of the same org
                person = lastFreshPerson;
            }
            handoffs.leaveContact(person, timedOut, "bel me na zessen");
            return true;
        });

        attempts.put("HandoffService.latest(session)", (caller, owner) -> {
            Visitor fresh = freshPerson(owner);
            SessionId session = dialogues.startNew(fresh, "kennismaking").id();
            handoffs.request(fresh, session, RiskLevel.CRISIS, List.of("crisis.plan"));
            // the owner's own open request is the live one; ask as the fresh person of the same org
            return handoffs.latest(caller == owner ? fresh : visitor(caller), session).isPresent();
        });
        attempts.put("SharedAlerts.choose", (caller, owner) ->
                sharedAlerts.choose(visitor(caller), data.get(owner).liveHandoff(), true).sharesAlert());

        // ---- the live handoff, the therapist's side ----
        attempts.put("HandoffService.openRequests(queue)", (caller, owner) -> {
            EscalationId waiting = handoffs.request(freshPerson(owner), null, RiskLevel.CRISIS, List.of("crisis.plan"))
                    .id();
            return handoffs.openRequests(userId(caller)).stream().map(Escalation::id).anyMatch(waiting::equals);
        });
        attempts.put("HandoffService.accept", (caller, owner) -> {
            EscalationId waiting = handoffs.request(freshPerson(owner), null, RiskLevel.CRISIS, List.of("crisis.plan"))
                    .id();
            return handoffs.accept(userId(caller), waiting).acceptedBy().equals(userId(caller));
        });
        attempts.put("HandoffService.conversation(therapist)", (caller, owner) ->
                handoffs.conversation(userId(caller), data.get(owner).liveHandoff()).stream()
                        .map(HandoffMessage::text).anyMatch(text -> text.contains(data.get(owner).chatMarker())));
        attempts.put("HandoffService.escalation(therapist)", (caller, owner) ->
                handoffs.escalation(userId(caller), data.get(owner).liveHandoff()).id() != null);
        attempts.put("HandoffService.sendFromTherapist", (caller, owner) ->
                handoffs.sendFromTherapist(userId(caller), data.get(owner).liveHandoff(), "antwoord van " + caller)
                        .id() > 0);
        attempts.put("HandoffService.close(live)", (caller, owner) -> {
            // accepted by THERAPIST_1 (of the owner's organisation) each time, then closed by the caller
            EscalationId live = handoffs.request(freshPerson(owner), null, RiskLevel.CRISIS, List.of("crisis.plan"))
                    .id();
            handoffs.accept(userId(therapistOf(owner)), live);
            handoffs.close(userId(caller), live, "afgesloten door " + caller);
            return true;
        });
        attempts.put("HandoffService.close(timedOut)", (caller, owner) -> {
            EscalationId timedOut = timedOutRequest(freshPerson(owner));
            handoffs.close(userId(caller), timedOut, "teruggebeld door " + caller);
            return true;
        });
        attempts.put("HandoffService.callbacks", (caller, owner) -> {
            Visitor person = freshPerson(owner);
            EscalationId timedOut = timedOutRequest(person);
            handoffs.leaveContact(person, timedOut, "bel me morgen");
            return handoffs.callbacks(userId(caller)).stream().map(CallbackRequest::escalation)
                    .map(Escalation::id).anyMatch(timedOut::equals);
        });
        attempts.put("HandoffService.outcomeNote", (caller, owner) -> {
            EscalationId timedOut = timedOutRequest(freshPerson(owner));
            handoffs.close(userId(therapistOf(owner)), timedOut, "notitie");
            return handoffs.outcomeNote(userId(caller), timedOut).isPresent();
        });

        attempts.put("SharedAlerts.read", (caller, owner) -> {
            // shared by the person, accepted by THERAPIST_1 (of the owner's organisation), read by the caller
            EscalationId live = handoffs.request(freshPerson(owner), null, RiskLevel.CRISIS, List.of("crisis.plan"),
                    true).id();
            handoffs.accept(userId(therapistOf(owner)), live);
            return sharedAlerts.read(userId(caller), live) != null;
        });

        // ---- personal data ----
        attempts.put("PersonalDataService.exportJson", (caller, owner) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            personalData.exportJson(visitor(caller), Locale.ENGLISH, out);
            return containsAnyOf(out, data.get(owner));
        });
        attempts.put("PersonalDataService.exportHtml", (caller, owner) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            personalData.exportHtml(visitor(caller), Locale.ENGLISH, out);
            return containsAnyOf(out, data.get(owner));
        });
        attempts.put("PersonalDataService.deleteEverything(self)", (caller, owner) -> {
            // clients delete a stand-in of themselves (same organisation), so the other rows keep their data;
            // staff try it with their own account
            Visitor self = members.containsKey(caller) ? visitor(caller) : freshPerson(caller);
            if (!members.containsKey(caller)) {
                plans.save(self, SafetyPlan.empty().with(SafetyPlan.Section.WARNING_SIGNS, "weg ermee"));
            }
            try {
                personalData.deleteEverything(self);
            } catch (IllegalStateException staffAccount) {
                return false;
            }
            return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = ?").param(self.userId().toString())
                    .query(Integer.class).single() == 0;
        });

        // ---- the audit trail ----
        attempts.put("AuditTrail.search", (caller, owner) ->
                audit.search(userId(caller), AuditQuery.newest(AuditQuery.MAX_LIMIT)).stream()
                        .map(AuditEntry::recordId).anyMatch(data.get(owner).liveHandoff().toString()::equals));
        attempts.put("AuditTrail.search(filteredOnSubject)", (caller, owner) ->
                !audit.search(userId(caller), new AuditQuery(null, null, null, userId(owner), null, 1000)).isEmpty());
        attempts.put("AuditTrail.exportCsv", (caller, owner) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            audit.exportCsv(userId(caller), AuditQuery.newest(AuditQuery.MAX_LIMIT), out);
            return out.toString(StandardCharsets.UTF_8).contains(data.get(owner).liveHandoff().toString());
        });
        attempts.put("AuditTrail.aboutMe", (caller, owner) -> audit.aboutMe(visitor(caller)).stream()
                .anyMatch(entry -> !entry.byYou() && entry.recordType().startsWith("HANDOFF")
                        && members.get(therapistOf(owner)).displayName().equals(entry.actorName())));

        // ---- sharing with a therapist: the person's side (the owner acts as their registered stand-in) ----
        attempts.put("ReviewService.share(ownersDialogue)", (caller, owner) -> reviews.share(sharer(caller, owner),
                shared.get(owner).session(), inviteOf(owner), null).id() != null);
        attempts.put("ReviewService.sharesOf", (caller, owner) -> reviews.sharesOf(sharer(caller, owner), null)
                .stream().map(Share::id).anyMatch(shared.get(owner).share()::equals));
        attempts.put("ReviewService.revoke", (caller, owner) -> {
            ShareId fresh = reviews.share(shared.get(owner).person(), shared.get(owner).session(), inviteOf(owner),
                    null).id();
            reviews.revoke(sharer(caller, owner), fresh);
            return reviews.sharesOf(shared.get(owner).person(), null).stream()
                    .anyMatch(share -> share.id().equals(fresh) && share.revokedAt() != null);
        });
        attempts.put("ReviewService.feedbackFor", (caller, owner) -> reviews.feedbackFor(sharer(caller, owner),
                shared.get(owner).session()).stream()
                .anyMatch(feedback -> feedback.text().contains(shared.get(owner).feedbackMarker())));

        // ---- sharing with a therapist: the therapist's side ----
        attempts.put("ReviewService.createInvite(usableInOwnersOrg)", (caller, owner) -> {
            String code = reviews.createInvite(userId(caller)).code();
            return reviews.checkInvite(registered(freshPerson(owner)), code) != null;
        });
        attempts.put("ReviewService.inbox", (caller, owner) -> reviews.inbox(userId(caller), Locale.ENGLISH).stream()
                .map(InboxItem::share).anyMatch(shared.get(owner).share()::equals));
        attempts.put("ReviewService.read", (caller, owner) ->
                reviews.read(userId(caller), shared.get(owner).share(), Locale.ENGLISH).transcript().lines().stream()
                        .anyMatch(line -> line.text().contains(shared.get(owner).marker())));
        attempts.put("ReviewService.read(revoked)", (caller, owner) -> {
            ShareId revoked = reviews.share(shared.get(owner).person(), shared.get(owner).session(),
                    inviteOf(owner), null).id();
            reviews.revoke(shared.get(owner).person(), revoked);
            return reviews.read(userId(caller), revoked, Locale.ENGLISH) != null;
        });
        attempts.put("SharedProgressService.read", (caller, owner) -> {
            UUID result = progress.submit(shared.get(owner).person(), Instrument.GAD7,
                    List.of(1, 1, 1, 1, 1, 1, 1)).id();
            return sharedProgress.read(userId(caller), shared.get(owner).share()).results().stream()
                    .anyMatch(read -> read.id().equals(result));
        });
        attempts.put("SharedProgressService.read(revoked)", (caller, owner) -> {
            ShareId revoked = reviews.share(shared.get(owner).person(), shared.get(owner).session(),
                    inviteOf(owner), null).id();
            reviews.revoke(shared.get(owner).person(), revoked);
            return sharedProgress.read(userId(caller), revoked) != null;
        });
        attempts.put("SharedProgressService.read(noShare)", (caller, owner) ->
                sharedProgress.read(userId(caller), ShareId.random()) != null);
        attempts.put("ReviewService.read(ended)", (caller, owner) -> {
            ShareId ended = reviews.share(shared.get(owner).person(), shared.get(owner).session(),
                    inviteOf(owner), Instant.now().plus(Duration.ofDays(1))).id();
            jdbc.sql("UPDATE review_shares SET ends_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) WHERE id = ?")
                    .param(ended.toString()).update();
            return reviews.read(userId(caller), ended, Locale.ENGLISH) != null;
        });
        attempts.put("ReviewService.addFeedback", (caller, owner) ->
                reviews.addFeedback(userId(caller), shared.get(owner).share(), "reactie van " + caller) != null);
        attempts.put("ReviewService.addNote", (caller, owner) ->
                reviews.addNote(userId(caller), shared.get(owner).share(), "notitie van " + caller) != null);
        attempts.put("ReviewService.share(fromNowOn)", (caller, owner) -> reviews.share(sharer(caller, owner),
                shared.get(owner).session(), inviteOf(owner), null, ShareScope.FROM_NOW_ON).id() != null);
        attempts.put("ReviewService.standingSharesOf", (caller, owner) -> reviews.standingSharesOf(
                sharer(caller, owner)).stream().map(StandingShare::id).anyMatch(shared.get(owner).standing()::equals));
        attempts.put("ReviewService.revokeStanding", (caller, owner) -> {
            StandingShare.Id fresh = standingOf(owner);
            reviews.revokeStanding(sharer(caller, owner), fresh);
            return reviews.standingSharesOf(shared.get(owner).person()).stream()
                    .anyMatch(standing -> standing.id().equals(fresh) && standing.revokedAt() != null);
        });
        attempts.put("ReviewService.inbox(filtered)", (caller, owner) -> reviews.inbox(userId(caller),
                Locale.ENGLISH, new InboxFilter(null, null, null, Instant.now().minus(Duration.ofDays(1)), null, null,
                        false)).stream().map(InboxItem::share).anyMatch(shared.get(owner).share()::equals));
        attempts.put("ReviewService.inbox(laterDialogueFromNowOn)", (caller, owner) -> {
            Visitor person = registered(freshPerson(owner));
            SessionId first = finish(person, "kennismaking", "eerst").id();
            reviews.share(person, first, inviteOf(owner), null, ShareScope.FROM_NOW_ON);
            SessionId later = dialogues.startNew(person, "kennismaking").id();
            return reviews.inbox(userId(caller), Locale.ENGLISH).stream().map(InboxItem::share)
                    .filter(id -> reviews.sharesOf(person, later).stream().anyMatch(s -> s.id().equals(id)))
                    .findFirst().map(covering -> reviews.read(userId(caller), covering, Locale.ENGLISH).transcript()
                            .id().equals(later)).orElse(false);
        });
        attempts.put("ReviewService.read(fromNowOnRevoked)", (caller, owner) -> {
            Visitor person = shared.get(owner).person();
            ShareId share = reviews.share(person, shared.get(owner).session(), inviteOf(owner), null,
                    ShareScope.FROM_NOW_ON).id();
            reviews.revokeStanding(person, reviews.standingSharesOf(person).getFirst().id());
            return reviews.read(userId(caller), share, Locale.ENGLISH) != null;
        });
        attempts.put("ReviewNoticeService.noticesOf", (caller, owner) -> reviewNotices.noticesOf(
                sharer(caller, owner), Locale.ENGLISH).stream()
                // the person's notice of feedback; a therapist's own notices of the share are theirs to see
                .anyMatch(notice -> notice.kind() == ReviewNotice.Kind.FEEDBACK
                        && notice.session().equals(shared.get(owner).session())));
        attempts.put("ReviewNoticeService.markRead", (caller, owner) -> {
            reviews.addFeedback(userId(therapistOf(owner)), shared.get(owner).share(), "nog een reactie");
            reviewNotices.markRead(sharer(caller, owner));
            return reviewNotices.unread(shared.get(owner).person().userId()) == 0;
        });
        attempts.put("ReviewNoticeService.noticesOfTherapist", (caller, owner) -> reviewNotices.noticesOfTherapist(
                userId(caller), Locale.ENGLISH).stream()
                .anyMatch(notice -> notice.session().equals(shared.get(owner).session())));
        attempts.put("ReviewNoticeService.markReadByTherapist", (caller, owner) -> {
            reviews.share(shared.get(owner).person(), shared.get(owner).session(), inviteOf(owner), null);
            reviewNotices.markReadByTherapist(userId(caller));
            return reviewNotices.unread(userId(therapistOf(owner))) == 0;
        });
        attempts.put("ReviewAssignmentService.options", (caller, owner) -> !reviewAssignments.options(userId(caller),
                shared.get(owner).share(), Locale.ENGLISH).isEmpty());
        attempts.put("ReviewAssignmentService.assign", (caller, owner) -> reviewAssignments.assign(userId(caller),
                shared.get(owner).share(), Assignment.Kind.DIALOGUE, "kennismaking", null, Locale.ENGLISH) != null);
        attempts.put("ReviewAssignmentService.assign(revoked)", (caller, owner) -> {
            ShareId revoked = reviews.share(shared.get(owner).person(), shared.get(owner).session(),
                    inviteOf(owner), null).id();
            reviews.revoke(shared.get(owner).person(), revoked);
            return reviewAssignments.assign(userId(caller), revoked, Assignment.Kind.DIALOGUE, "kennismaking", null,
                    Locale.ENGLISH) != null;
        });
        attempts.put("ReviewAssignmentService.assignedBy", (caller, owner) -> {
            reviewAssignments.assign(userId(therapistOf(owner)), shared.get(owner).share(), Assignment.Kind.DIALOGUE,
                    "kennismaking", null, Locale.ENGLISH);
            return !reviewAssignments.assignedBy(userId(caller), shared.get(owner).share(), Locale.ENGLISH).isEmpty();
        });
        attempts.put("ReviewAssignmentService.assignmentsOf", (caller, owner) -> {
            Assignment given = reviewAssignments.assign(userId(therapistOf(owner)), shared.get(owner).share(),
                    Assignment.Kind.DIALOGUE, "kennismaking", null, Locale.ENGLISH);
            return reviewAssignments.assignmentsOf(sharer(caller, owner), Locale.ENGLISH).stream()
                    .anyMatch(assignment -> assignment.id().equals(given.id()));
        });
        attempts.put("ReviewAssignmentService.markDone", (caller, owner) -> {
            String topic = reviewAssignments.options(userId(therapistOf(owner)), shared.get(owner).share(),
                    Locale.ENGLISH).stream().filter(option -> option.kind() == Assignment.Kind.EXERCISE)
                    .findFirst().orElseThrow().target();
            Assignment given = reviewAssignments.assign(userId(therapistOf(owner)), shared.get(owner).share(),
                    Assignment.Kind.EXERCISE, topic, null, Locale.ENGLISH);
            reviewAssignments.markDone(sharer(caller, owner), given.id());
            return reviewAssignments.assignmentsOf(shared.get(owner).person(), Locale.ENGLISH).stream()
                    .anyMatch(assignment -> assignment.id().equals(given.id()) && assignment.done());
        });
        attempts.put("ExpertDirectory.directory", (caller, owner) -> expertDirectory.directory(visitor(caller),
                ExpertFilter.ANY).stream().anyMatch(expert -> expert.therapist().equals(userId(therapistOf(owner)))));
        attempts.put("ExpertDirectory.saveProfile(own)", (caller, owner) -> expertDirectory.saveProfile(
                userId(caller), expertProfile(userId(caller))).listed());
        attempts.put("ExpertDirectory.request", (caller, owner) -> expertDirectory.request(sharer(caller, owner),
                userId(therapistOf(owner)), shared.get(owner).session(), ShareScope.THIS_DIALOGUE, "", Locale.ENGLISH)
                != null);
        attempts.put("ExpertDirectory.openRequests", (caller, owner) -> {
            ShareRequest asked = expertDirectory.request(shared.get(owner).person(), userId(therapistOf(owner)),
                    shared.get(owner).session(), ShareScope.THIS_DIALOGUE, "", Locale.ENGLISH);
            return expertDirectory.openRequests(userId(caller), Locale.ENGLISH).stream()
                    .anyMatch(request -> request.id().equals(asked.id()));
        });
        attempts.put("ExpertDirectory.answer", (caller, owner) -> {
            ShareRequest asked = expertDirectory.request(shared.get(owner).person(), userId(therapistOf(owner)),
                    shared.get(owner).session(), ShareScope.THIS_DIALOGUE, "", Locale.ENGLISH);
            expertDirectory.answer(userId(caller), asked.id(), false);
            return expertDirectory.requestsOf(shared.get(owner).person(), Locale.ENGLISH).stream()
                    .anyMatch(request -> request.id().equals(asked.id()) && request.accepted() != null);
        });

        // ---- organisation settings: its own admins and platform admins; saving the current value changes nothing ----
        attempts.put("OrganisationAdmin.organisation", (caller, owner) ->
                organisationAdmin.organisation(userId(caller), orgOf(owner)).id().equals(orgOf(owner)));
        attempts.put("OrganisationAdmin.administered", (caller, owner) -> {
            try {
                return organisationAdmin.administered(userId(caller)).stream()
                        .anyMatch(organisation -> organisation.id().equals(orgOf(owner)));
            } catch (AccessDeniedException notAnAdmin) {
                return false;
            }
        });
        attempts.put("OrganisationAdmin.saveEmbedOrigins", (caller, owner) -> {
            organisationAdmin.saveEmbedOrigins(userId(caller), orgOf(owner),
                    organisationDirectory.find(orgOf(owner)).orElseThrow().embedOrigins());
            return true;
        });
        attempts.put("OrganisationAdmin.saveOfferedDialogues", (caller, owner) -> {
            organisationAdmin.saveOfferedDialogues(userId(caller), orgOf(owner),
                    organisationDirectory.find(orgOf(owner)).orElseThrow().offeredDialogues());
            return true;
        });
        attempts.put("OrganisationAdmin.crisisContacts", (caller, owner) -> {
            organisationAdmin.crisisContacts(userId(caller), orgOf(owner));
            return true;
        });
        attempts.put("OrganisationAdmin.therapists", (caller, owner) -> organisationAdmin
                .therapists(userId(caller), orgOf(owner)).stream()
                .anyMatch(entry -> entry.getKey().userId().equals(userId(therapistOf(owner)))));
        attempts.put("OrganisationAdmin.singleSignOn", (caller, owner) -> {
            organisationAdmin.singleSignOn(userId(caller), orgOf(owner));
            return true;
        });
        // past the access check, an issuer that is not an address is refused before any discovery: nothing saved
        attempts.put("OrganisationAdmin.saveSingleSignOn", (caller, owner) -> {
            try {
                organisationAdmin.saveSingleSignOn(userId(caller), orgOf(owner),
                        new nl.spiegel.organisation.SsoChange(false, "geen adres", "spiegel", "geheim", "", ""));
                return true;
            } catch (nl.spiegel.organisation.OrganisationSettingsException refusedSetting) {
                return refusedSetting.messageKey().equals("organisation.sso.error.issuer");
            }
        });
        attempts.put("OrganisationAdmin.create(self)", (caller, owner) -> organisationAdmin.create(userId(caller),
                "Nieuwe praktijk", "nieuw-" + UUID.randomUUID().toString().substring(0, 8)) != null);
        return attempts;
    }

    private static ExpertProfile expertProfile(UserId therapist) {
        return new ExpertProfile(therapist, "", "Ik luister eerst.", null, List.of("stress"), List.of("cbt"),
                List.of("nl"), null, true, true, true, false);
    }

    private OrganisationId orgOf(Caller owner) {
        return visitor(owner).organisationId();
    }

    // ---- the callers and their data ----

    private void setUpCallersAndData() throws Exception {
        organisation2 = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(organisation2.toString(), "org-" + organisation2.toString().substring(0, 8),
                        "Tweede praktijk").update();

        asVisitor.put(Caller.VISITOR_A, visitors.resolve(VisitorToken.generate()));
        asVisitor.put(Caller.CLIENT_B, visitors.resolve(VisitorToken.generate()));
        asVisitor.put(Caller.CLIENT_ORG2, visitorIn(organisation2));
        members.put(Caller.THERAPIST_1, member(Role.THERAPIST, OrganisationId.DEFAULT));
        members.put(Caller.THERAPIST_1B, member(Role.THERAPIST, OrganisationId.DEFAULT));
        members.put(Caller.THERAPIST_2, member(Role.THERAPIST, organisation2));
        members.put(Caller.ORG_ADMIN_1, member(Role.ORG_ADMIN, OrganisationId.DEFAULT));
        members.put(Caller.ORG_ADMIN_2, member(Role.ORG_ADMIN, organisation2));
        members.put(Caller.PLATFORM_ADMIN, member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT));
        members.forEach((caller, member) -> asVisitor.put(caller, new Visitor(member.userId(),
                member.organisationId())));
        for (Caller therapist : List.of(Caller.THERAPIST_1, Caller.THERAPIST_1B, Caller.THERAPIST_2)) {
            handoffs.setOnDuty(userId(therapist), true);
        }

        for (Caller owner : List.of(Caller.VISITOR_A, Caller.CLIENT_ORG2)) {
            Visitor person = visitor(owner);
            String marker = owner + "-" + UUID.randomUUID();
            SessionSnapshot finished = finish(person, "kennismaking", marker);
            List<ExerciseItem> exercises = dialogues.exercises(person);
            assertThat(exercises).as("the owner's exercises, to look for").isNotEmpty();
            SessionSnapshot open = dialogues.startNew(person, "zelfbeeld");
            plans.save(person, SafetyPlan.empty().with(SafetyPlan.Section.WARNING_SIGNS, "Signalen " + marker));
            Screening screening = screenings.start(person, finished.id(), RiskLevel.CRISIS);
            screenings.answer(person, screening.id(), screening.next().orElseThrow(), true);

            EscalationId live = handoffs.request(person, open.id(), RiskLevel.CRISIS, List.of("crisis.plan")).id();
            handoffs.accept(userId(therapistOf(owner)), live);
            String chatMarker = "chat-" + marker;
            handoffs.sendFromPerson(person, live, "Het gaat niet goed " + chatMarker);
            handoffs.sendFromTherapist(userId(therapistOf(owner)), live, "Ik ben er voor je");
            // the therapist reads the conversation: on the audit trail, about the owner, in their organisation
            handoffs.conversation(userId(therapistOf(owner)), live);
            questionnaires.put(owner, progress.submit(person, Instrument.PHQ9,
                    List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)).id());
            data.put(owner, new Fixture(marker, finished.id(), open.id(), exercises.getFirst().id(), screening, live,
                    chatMarker));
        }
        setUpShares();
    }

    /** What a registered stand-in of an owner shared with the therapist of the owner's organisation. */
    record SharedFixture(Visitor person, SessionId session, ShareId share, String marker, String feedbackMarker,
                         StandingShare.Id standing) {
    }

    private final Map<Caller, SharedFixture> shared = new EnumMap<>(Caller.class);

    private void setUpShares() {
        for (Caller owner : List.of(Caller.VISITOR_A, Caller.CLIENT_ORG2)) {
            Visitor person = registered(freshPerson(owner));
            String marker = "gedeeld-" + owner + "-" + UUID.randomUUID();
            SessionId session = finish(person, "kennismaking", marker).id();
            ShareId share = reviews.share(person, session, inviteOf(owner), null).id();
            String feedbackMarker = "reactie-" + UUID.randomUUID();
            reviews.addFeedback(userId(therapistOf(owner)), share, "Dank je " + feedbackMarker);
            shared.put(owner, new SharedFixture(person, session, share, marker, feedbackMarker, null));
            expertDirectory.saveProfile(userId(therapistOf(owner)), expertProfile(userId(therapistOf(owner))));
            shared.put(owner, new SharedFixture(person, session, share, marker, feedbackMarker, standingOf(owner)));
        }
    }

    /** The owner acts as their registered stand-in; everyone else as themselves. */
    private Visitor sharer(Caller caller, Caller owner) {
        return caller == owner ? shared.get(owner).person() : visitor(caller);
    }

    /** A fresh "everything from now on" of the owner's registered stand-in, on their shared dialogue. */
    private StandingShare.Id standingOf(Caller owner) {
        Visitor person = shared.get(owner).person();
        reviews.share(person, shared.get(owner).session(), inviteOf(owner), null, ShareScope.FROM_NOW_ON);
        return reviews.standingSharesOf(person).getFirst().id();
    }

    private String inviteOf(Caller owner) {
        return reviews.createInvite(userId(therapistOf(owner))).code();
    }

    private Visitor registered(Visitor visitor) {
        jdbc.sql("UPDATE users SET email = ?, password_hash = '{noop}x', email_verified_at = UTC_TIMESTAMP(6)"
                        + " WHERE id = ?")
                .params("client-" + UUID.randomUUID() + "@example.org", visitor.userId().toString()).update();
        return visitor;
    }

    private SessionSnapshot finish(Visitor person, String script, String marker) {
        SessionSnapshot snapshot = dialogues.startNew(person, script);
        int answers = 0;
        while (!snapshot.finished()) {
            if (snapshot.safetyPause().isPresent()) {
                snapshot = dialogues.continueAfterSafetyPause(person, snapshot.id(), snapshot.revision());
                continue;
            }
            UserInput input = snapshot.prompt() instanceof Prompt.FreeText
                    ? new UserInput.Text("Ik fiets graag " + marker) : anyReply(snapshot);
            snapshot = dialogues.answer(person, snapshot.id(), snapshot.revision(), input);
            assertThat(++answers).isLessThan(40);
        }
        return snapshot;
    }

    private static UserInput anyReply(SessionSnapshot snapshot) {
        return switch (snapshot.prompt()) {
            case Prompt.FreeText text -> new UserInput.Text("Ik wandel graag in het bos");
            case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
            case Prompt.Form form -> new UserInput.Answers(
                    java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
            case Prompt.None none -> throw new IllegalStateException("finished");
        };
    }

    private Visitor lastFreshPerson;

    /** A new anonymous person in the owner's organisation (for targets that are used up by one attempt). */
    private Visitor freshPerson(Caller like) {
        OrganisationId organisation = visitor(like).organisationId();
        lastFreshPerson = organisation.equals(OrganisationId.DEFAULT) ? visitors.resolve(VisitorToken.generate())
                : visitorIn(organisation);
        return lastFreshPerson;
    }

    private EscalationId timedOutRequest(Visitor person) {
        EscalationId id = handoffs.request(person, null, RiskLevel.CRISIS, List.of("crisis.plan")).id();
        handoffs.expireUnanswered(Instant.now().plus(Duration.ofDays(1)));
        return id;
    }

    private Visitor visitorIn(OrganisationId organisation) {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        jdbc.sql("UPDATE users SET organisation_id = ? WHERE id = ?")
                .params(organisation.toString(), visitor.userId().toString()).update();
        return new Visitor(visitor.userId(), organisation);
    }

    private Caller therapistOf(Caller owner) {
        return visitor(owner).organisationId().equals(OrganisationId.DEFAULT) ? Caller.THERAPIST_1
                : Caller.THERAPIST_2;
    }

    private SafetyPlan planOf(Caller owner) {
        return SafetyPlan.empty().with(SafetyPlan.Section.WARNING_SIGNS, "Signalen " + data.get(owner).marker());
    }

    private boolean containsAnyOf(ByteArrayOutputStream out, Fixture fixture) {
        String export = out.toString(StandardCharsets.UTF_8);
        return export.contains(fixture.marker()) || export.contains(fixture.chatMarker());
    }

    private Visitor visitor(Caller caller) {
        return asVisitor.get(caller);
    }

    private UserId userId(Caller caller) {
        return visitor(caller).userId();
    }

    // ---- accounts ----

    @Autowired
    nl.spiegel.authoring.AuthoringService authoring;
    @Autowired
    nl.spiegel.authoring.UsageAnalytics analytics;

    /**
     * The CONTENT_EDITOR's service access, beside the matrix above: writes and publishes its own organisation's
     * dialogues, and is refused everything about people, the analytics, the audit trail, another organisation's
     * dialogues and the organisation's settings.
     */
    @Test
    void aContentEditorWritesItsOrganisationsDialoguesAndReachesNothingElse() throws Exception {
        OrganisationId own = OrganisationId.DEFAULT;
        OrganisationId other = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
                .params(other.toString(), "ce-" + other.toString().substring(0, 8), "Ander",
                        nl.spiegel.shared.database.DbTime.write(Instant.now())).update();
        StaffMember editor = member(Role.CONTENT_EDITOR, own);
        String scriptId = "ce-" + UUID.randomUUID().toString().substring(0, 8);
        String script = new String(AccessMatrixIT.class.getResourceAsStream("/example-script.yaml").readAllBytes(),
                StandardCharsets.UTF_8).replace("id: voorbeeld", "id: " + scriptId);

        assertThat(authoring.publish(editor.userId(), own, script).version()).isEqualTo(1);
        assertThat(authoring.history(editor.userId(), own, scriptId)).hasSize(1);
        assertThat(authoring.rollback(editor.userId(), own, scriptId, 1).version()).isEqualTo(2);

        Map<String, Attempt> refused = new LinkedHashMap<>();
        refused.put("AuthoringService.publish(otherOrganisation)", (c, o) -> authoring.publish(editor.userId(),
                other, script.replace("id: " + scriptId, "id: " + scriptId + "-x")) != null);
        refused.put("AuthoringService.scripts(otherOrganisation)", (c, o) ->
                authoring.scripts(editor.userId(), other) != null);
        refused.put("UsageAnalytics.report", (c, o) ->
                analytics.report(editor.userId(), own, nl.spiegel.authoring.UsagePeriod.ALL) != null);
        refused.put("UsageAnalytics.exportCsv", (c, o) -> {
            analytics.exportCsv(editor.userId(), own, nl.spiegel.authoring.UsagePeriod.ALL, List.of("x"),
                    report -> List.of(), new ByteArrayOutputStream());
            return true;
        });
        refused.put("AuditTrail.search", (c, o) ->
                audit.search(editor.userId(), AuditQuery.newest(10)) != null);
        refused.put("OrganisationAdmin.organisation", (c, o) ->
                organisationAdmin.organisation(editor.userId(), own) != null);
        refused.put("OrganisationAdmin.therapists", (c, o) ->
                organisationAdmin.therapists(editor.userId(), own) != null);
        refused.put("HandoffService.openRequests", (c, o) -> !handoffs.openRequests(editor.userId()).isEmpty());
        refused.put("ReviewService.inbox", (c, o) -> !reviews.inbox(editor.userId(), Locale.ROOT).isEmpty());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Attempt> attempt : refused.entrySet()) {
            try {
                if (attempt.getValue().reaches(null, null)) {
                    wrong.add(attempt.getKey() + " let the content editor in");
                }
            } catch (Exception e) {
                if (REFUSALS.stream().noneMatch(refusal -> refusal.isInstance(e))) {
                    wrong.add(attempt.getKey() + " failed with " + e);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private StaffMember member(Role role, OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create(role.name().toLowerCase(Locale.ROOT) + "-" + unique + "@example.org",
                "een-lang-test-wachtwoord", role.name() + " " + unique, role, organisation);
    }

    private static AccountUserDetails principal(StaffMember member) {
        return new AccountUserDetails(member.userId(), member.organisationId(), member.role(), member.displayName(),
                "someone@example.org", null);
    }

    private AccountUserDetails demoClient() {
        Map<String, Object> row = jdbc.sql("SELECT id, organisation_id FROM users WHERE email = ?")
                .param(DemoAccountProperties.CLIENT_EMAIL).query().singleRow();
        return new AccountUserDetails(UserId.parse((String) row.get("id")),
                OrganisationId.parse((String) row.get("organisation_id")), Role.CLIENT, "",
                DemoAccountProperties.CLIENT_EMAIL, null);
    }
}
