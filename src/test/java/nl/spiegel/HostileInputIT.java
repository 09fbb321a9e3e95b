package nl.spiegel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.SessionUpdate;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.AccountService;
import nl.spiegel.identity.LoginResult;
import nl.spiegel.identity.LoginService;
import nl.spiegel.identity.RegistrationResult;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.organisation.OrganisationSettingsException;
import nl.spiegel.portal.OrganisationAdmin;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.review.InvalidInviteException;
import nl.spiegel.review.RegistrationRequiredException;
import nl.spiegel.review.ReviewService;

/**
 * Thousands of generated hostile inputs ({@link HostileStrings}, jqwik's generators, reproducible from the seed in
 * the failure message) through the real service paths on the real database: nothing fails except with the documented
 * validation exceptions, what is stored comes back exactly as it was accepted, and the person's HTML export holds
 * none of the markup unescaped.
 */
@SpiegelIntegrationTest
class HostileInputIT extends com.vaadin.browserless.SpringBrowserlessTest {

    private static final long SEED = Long.getLong("hostile.seed", 20261207L);

    @Autowired
    DialogueService dialogues;
    @Autowired
    VisitorService visitors;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginService logins;
    @Autowired
    ReviewService reviews;
    @Autowired
    OrganisationAdmin organisations;
    @Autowired
    StaffDirectory staff;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.spiegel.identity.CurrentVisitor currentVisitor;
    @Autowired
    nl.spiegel.authoring.AuthoringService authoring;

    @Test
    void chatAnswersAreStoredExactlyAsAcceptedAndTheExportShowsNoMarkup() throws Exception {
        Visitor person = visitors.resolve(VisitorToken.generate());
        List<String> inputs = HostileStrings.sample(HostileStrings.text(3_000), SEED, 250);
        Map<SessionId, Map<Integer, String>> accepted = new java.util.LinkedHashMap<>();
        SessionSnapshot session = atFreeText(person, null);
        int refused = 0;
        for (String input : inputs) {
            SessionUpdate update;
            try {
                update = dialogues.advance(person, session.id(), session.revision(), new UserInput.Text(input),
                        MessageKey.random());
            } catch (InvalidInputException expected) {
                refused++;
                continue;
            }
            ChatMessage mine = update.added().getFirst();
            assertThat(mine.kind()).isEqualTo(Turn.Kind.USER_TEXT);
            // documented: line endings become \n and surrounding white space goes; everything else stays as written
            assertThat(mine.text().in("nl")).as("seed %d", SEED)
                    .isEqualTo(input.replace("\r\n", "\n").replace('\r', '\n').strip());
            accepted.computeIfAbsent(session.id(), id -> new java.util.HashMap<>())
                    .put(mine.seq(), mine.text().in("nl"));
            session = session.apply(update);
            if (session.safetyPause().isPresent()) {
                session = dialogues.continueAfterSafetyPause(person, session.id(), session.revision());
            }
            session = atFreeText(person, session);
        }
        int stored = 0;
        for (Map.Entry<SessionId, Map<Integer, String>> entry : accepted.entrySet()) {
            Map<Integer, String> read = new java.util.HashMap<>();
            dialogues.open(person, entry.getKey()).messages().stream()
                    .filter(message -> entry.getValue().containsKey(message.seq()))
                    .forEach(message -> read.put(message.seq(), message.text().in("nl")));
            assertThat(read).as("stored text reads back exactly (seed %d)", SEED).isEqualTo(entry.getValue());
            stored += read.size();
        }
        assertThat(stored + refused).isEqualTo(inputs.size());
        assertThat(stored).as("most hostile answers are accepted, not refused").isGreaterThan(inputs.size() / 2);

        ByteArrayOutputStream html = new ByteArrayOutputStream();
        personalData.exportHtml(person, Locale.of("nl"), html);
        String page = html.toString(StandardCharsets.UTF_8);
        for (String markup : HostileStrings.MARKUP) {
            assertThat(page).as("export holds no unescaped markup").doesNotContain(markup);
        }
        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<iframe");
    }

    @Test
    void registrationAndLoginAnswerHostileFormsCalmly() {
        int count = 0;
        for (String email : HostileStrings.sample(HostileStrings.text(2_000), SEED + 1, 100)) {
            Visitor visitor = visitors.resolve(VisitorToken.generate());
            String password = HostileStrings.sample(HostileStrings.text(300), SEED + count, 1).getFirst();
            RegistrationResult result = accounts.register(visitor, email, password, Locale.of("nl"));
            assertThat(result).isNotNull();
            LoginResult login = logins.logIn(email, password, "198.51.100." + (count % 250));
            assertThat(login).isInstanceOfAny(LoginResult.Failed.class, LoginResult.Throttled.class);
            count++;
        }
        // hostile addresses with a plausible shape reach the real checks too
        for (String local : HostileStrings.sample(HostileStrings.fragments(), SEED + 2, 60)) {
            RegistrationResult result = accounts.register(visitors.resolve(VisitorToken.generate()),
                    local + "@example.org", "een-lang-en-sterk-wachtwoord-" + count++, Locale.of("en"));
            assertThat(result).isInstanceOfAny(RegistrationResult.InvalidEmail.class, RegistrationResult.MailSent.class,
                    RegistrationResult.PasswordRejected.class);
        }
    }

    @Test
    void sharingTakesHostileInviteCodesAndCommentsCalmly() {
        Visitor person = visitors.resolve(VisitorToken.generate());
        jdbc.sql("UPDATE users SET email = ?, password_hash = '{noop}x', email_verified_at = UTC_TIMESTAMP(6) WHERE id = ?")
                .params("hostile-" + UUID.randomUUID() + "@example.org", person.userId().toString()).update();
        for (String code : HostileStrings.sample(HostileStrings.text(500), SEED + 3, 400)) {
            expectOnly(() -> reviews.checkInvite(person, code), InvalidInviteException.class,
                    RegistrationRequiredException.class);
        }
    }

    @Test
    void organisationSettingsTakeHostileTextCalmlyAndKeepWhatTheyAccept() {
        StaffMember platform = staff.create("platform-" + UUID.randomUUID() + "@example.org",
                "een-lang-test-wachtwoord", "Platform hostile", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        Organisation organisation = organisations.create(platform.userId(), "Hostile praktijk",
                "hostile-" + UUID.randomUUID().toString().substring(0, 8));
        List<String> texts = HostileStrings.sample(HostileStrings.text(1_000), SEED + 4, 300);
        int kept = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String colour = i % 3 == 0 ? text : null;
            try {
                Organisation saved = organisations.saveBranding(platform.userId(), organisation.id(), text, colour,
                        null, text, text);
                assertThat(organisations.organisation(platform.userId(), organisation.id()).name())
                        .as("seed %d", SEED).isEqualTo(saved.name());
                kept++;
            } catch (OrganisationSettingsException | IllegalArgumentException expected) {
                // documented: a name or colour that cannot be used is refused with a message
            }
            expectOnly(() -> organisations.saveEmbedOrigins(platform.userId(), organisation.id(), List.of(text)),
                    OrganisationSettingsException.class, IllegalArgumentException.class);
        }
        assertThat(kept).as("hostile names are kept as text, not only refused").isPositive();
    }

    @Test
    void theChatPageShowsHostileAnswersAsTextNeverAsMarkup() {
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(Locale.of("nl"));
        Visitor person = currentVisitor.get();
        SessionSnapshot session = atFreeText(person, null);
        List<String> inputs = new ArrayList<>(HostileStrings.MARKUP);
        inputs.addAll(HostileStrings.sample(HostileStrings.text(500), SEED + 5, 40));
        for (String input : inputs) {
            try {
                session = session.apply(dialogues.advance(person, session.id(), session.revision(),
                        new UserInput.Text(input), MessageKey.random()));
            } catch (InvalidInputException expected) {
                continue;
            }
            if (session.safetyPause().isPresent()) {
                session = dialogues.continueAfterSafetyPause(person, session.id(), session.revision());
            }
            SessionSnapshot next = atFreeText(person, session);
            if (!next.id().equals(session.id())) {
                assertPageShowsNoMarkup(session.id());
            }
            session = next;
        }
        assertPageShowsNoMarkup(session.id());
    }

    private void assertPageShowsNoMarkup(SessionId id) {
        navigate(nl.spiegel.dialogue.ui.ChatView.class, id.toString());
        // the screen's children: the UI element's own outer HTML is an empty <body> (this check saw nothing before)
        String html = HostileRenderedPagesIT.pageHtml();
        assertThat(html).as("the chat was rendered").contains("chat-log");
        for (String markup : HostileStrings.MARKUP) {
            assertThat(html).as("page holds no unescaped markup (seed %d)", SEED).doesNotContain(markup);
        }
    }

    @Test
    void scriptUploadsRefuseYamlBombsDeepNestingAndGarbageWithReasons() {
        StaffMember platform = staff.create("author-" + UUID.randomUUID() + "@example.org",
                "een-lang-test-wachtwoord", "Author hostile", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        Organisation organisation = organisations.create(platform.userId(), "Hostile schrijvers",
                "schrijf-" + UUID.randomUUID().toString().substring(0, 8));
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(name);
        }
        StringBuilder block = new StringBuilder();
        for (int depth = 0; depth < 500; depth++) {
            block.append("  ".repeat(depth)).append("k").append(depth).append(":\n");
        }
        List<String> uploads = new ArrayList<>(List.of(bomb.toString(), "id: " + "[".repeat(5_000) + "]".repeat(5_000),
                "id: " + "{a: ".repeat(2_000) + "b" + "}".repeat(2_000), block.toString(), "!!java.lang.Runtime {}",
                "id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
                "x".repeat(2_000_000)));
        uploads.addAll(HostileStrings.sample(HostileStrings.text(4_000), SEED + 6, 150));
        for (String upload : uploads) {
            assertThat(authoring.check(upload).issues()).as("a reason for every refused upload (seed %d)", SEED)
                    .isNotEmpty();
            expectOnly(() -> authoring.publish(platform.userId(), organisation.id(), upload),
                    nl.spiegel.authoring.PublishRefusedException.class);
        }
        assertThat(authoring.scripts(platform.userId(), organisation.id())).as("nothing was published").isEmpty();
    }

    private static void expectOnly(Runnable call, Class<?>... documented) {
        try {
            call.run();
        } catch (RuntimeException e) {
            assertThat(Set.of(documented)).as("unexpected %s (seed %d)", e.getClass().getName(), SEED)
                    .anyMatch(type -> type.isInstance(e));
        }
    }

    /** The session moved on to its next free-text question, or a fresh one when it finished. */
    private SessionSnapshot atFreeText(Visitor person, SessionSnapshot session) {
        SessionSnapshot current = session;
        int steps = 0;
        while (current == null || current.finished() || !(current.prompt() instanceof Prompt.FreeText)) {
            if (current == null || current.finished()) {
                current = dialogues.startNew(person, "kennismaking");
                continue;
            }
            current = dialogues.answer(person, current.id(), current.revision(), switch (current.prompt()) {
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(Map.of(form.questionnaire().items().getFirst().id(), 0));
                default -> throw new IllegalStateException("unexpected prompt " + current.prompt());
            });
            assertThat(++steps).isLessThan(40);
        }
        return current;
    }
}
