package nl.spiegel.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.identity.VisitorCookie;
import nl.spiegel.shared.database.EmbeddedMariaDb;

/**
 * Protocol tampering against Vaadin's UIDL endpoint through the real HTTP path, with the load client's protocol code
 * (the same context as {@link LoadClientIT}): wrong and replayed CSRF tokens, stale sync ids and client ids from the
 * future, events for components of a past step, for a disabled button and a read-only field while an answer waits for
 * the database, for a hidden button, for node ids and UI ids that do not exist, and a request of one person sent with
 * another person's session. Each must end without a server error (no HTTP 5xx, no Vaadin "internal error"), store no
 * answer that the screen did not offer, store nothing twice, and leave the chat working for the person afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UidlTamperingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedMariaDb database;

    private boolean stopped;

    @AfterEach
    void databaseBack() {
        if (stopped) {
            database.startAgain();
            stopped = false;
        }
    }

    @Test
    void wrongAndReplayedCsrfTokensChangeNothingAndTheChatGoesOn() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        LoadClient.Tab other = atWrittenQuestion();
        int before = userMessages();

        // a made-up token
        Map<String, Object> forged = person.body(answer(person, "Met een verzonnen sleutel."));
        forged.put("csrfToken", "00000000-0000-0000-0000-000000000000");
        calm(person.sendRaw(forged, person.uiId(), person.cookies()));
        // another person's token, replayed in this person's session
        Map<String, Object> borrowed = person.body(answer(person, "Met de sleutel van een ander."));
        borrowed.put("csrfToken", other.body(List.of()).get("csrfToken"));
        calm(person.sendRaw(borrowed, person.uiId(), person.cookies()));
        // no token at all
        Map<String, Object> without = person.body(answer(person, "Zonder sleutel."));
        without.remove("csrfToken");
        calm(person.sendRaw(without, person.uiId(), person.cookies()));
        assertThat(userMessages()).as("nothing stored by a request with a wrong token").isEqualTo(before);

        // a real answer, and then the very same request again (a replay with the token that was valid then)
        Map<String, Object> real = person.body(answer(person, "Een echt antwoord, een keer."));
        String response = person.send(answer(person, "Een echt antwoord, een keer."));
        assertThat(response).contains("Een echt antwoord, een keer.");
        assertThat(userMessages()).isEqualTo(before + 1);
        calm(person.sendRaw(real, person.uiId(), person.cookies()));
        assertThat(userMessages()).as("a replayed request stores nothing again").isEqualTo(before + 1);

        stillWorks(person);
        stillWorks(other);
    }

    @Test
    void staleSyncIdsAndClientIdsFromTheFutureStoreNothingTwiceAndTheChatGoesOn() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        int before = userMessages();

        Map<String, Object> stale = person.body(answer(person, "Met een oude sync id."));
        stale.put("syncId", ((Number) stale.get("syncId")).longValue() - 3);
        calm(person.sendRaw(stale, person.uiId(), person.cookies()));
        int afterStale = userMessages();
        assertThat(afterStale - before).as("stored at most once").isBetween(0, 1);

        Map<String, Object> future = person.body(answer(person, "Met een client id uit de toekomst."));
        future.put("clientId", ((Number) future.get("clientId")).longValue() + 5);
        calm(person.sendRaw(future, person.uiId(), person.cookies()));
        assertThat(userMessages()).as("a message the server did not expect is not run").isEqualTo(afterStale);

        // what a browser does when the server asks it to resynchronise: it reloads, and the chat goes on
        stillWorks(reloaded(person));
    }

    @Test
    void eventsForPastHiddenAndNonExistentComponentsAreIgnored() throws Exception {
        LoadClient.Tab person = open();
        List<Integer> pastOptions = new ArrayList<>(person.nodes("data-value"));
        assertThat(pastOptions).as("the first step is a choice").isNotEmpty();
        person.send(List.of(LoadClient.Tab.click(pastOptions.getFirst())));
        int before = userMessages();

        // an option of a step that is gone, a node that never existed, a UI that does not exist
        for (int option : pastOptions) {
            calm(person.send(List.of(LoadClient.Tab.click(option))));
        }
        calm(person.send(List.of(LoadClient.Tab.click(987_654))));
        calm(person.sendRaw(person.body(List.of(LoadClient.Tab.click(3))), "4711", person.cookies()));
        assertThat(userMessages()).as("nothing answered by a past step's options or unknown nodes").isEqualTo(before);

        // the stop button hides once the dialogue is finished: a click on it then does nothing
        Integer stop = person.node("id", "stop");
        walkToTheEnd(person);
        int finished = userMessages();
        String response = person.send(List.of(LoadClient.Tab.click(stop)));
        calm(response);
        assertThat(response).as("no 'stopped' message, no navigation").doesNotContain("Alles is bewaard");
        assertThat(person.node("id", "to-start")).as("still on the finished chat").isNotNull();
        assertThat(userMessages()).isEqualTo(finished);
        stillWorks(person);
    }

    @Test
    void anotherPersonsSessionDoesNotRunThisPersonsEvents() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        LoadClient.Tab other = atWrittenQuestion();
        int before = userMessages();

        // this person's request (their token, their UI, their node ids) with the other person's session cookie
        calm(person.sendRaw(person.body(answer(person, "In de sessie van een ander.")), person.uiId(),
                other.cookies()));
        // and the other way round: the other's request, with their valid token, aimed at node ids seen by this person
        calm(other.sendRaw(other.body(answer(person, "Met de knoppen van een ander.")), other.uiId(),
                person.cookies()));
        assertThat(userMessages()).as("nothing stored across sessions").isEqualTo(before);

        stillWorks(person);
        stillWorks(other);
    }

    @Test
    void whileAnAnswerWaitsForTheDatabaseTheDisabledSendAndTheReadOnlyFieldIgnoreEvents() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        int before = userMessages();
        String first = "Dit antwoord wacht op de database.";

        database.stopForDrill();
        stopped = true;
        String saving = person.send(answer(person, first));
        calm(saving);
        assertThat(saving).as("the calm saving line").contains("Je antwoord wordt bewaard");

        // while it waits: a click on the disabled send button, with other text in the read-only field
        String tampered = person.send(answer(person, "Een tweede tekst tijdens het wachten."));
        calm(tampered);

        database.startAgain();
        stopped = false;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> userMessages() > before);
        String after = person.send(List.of());
        assertThat(after).as("the retry's result reaches the screen").contains(first);
        assertThat(userMessages()).as("stored once, the tampered text not at all").isEqualTo(before + 1);
        assertThat(after).doesNotContain("Een tweede tekst tijdens het wachten.");
        stillWorks(person);
    }

    @Test
    void aButtonThatNeedsTheDatabaseWhileItIsAwaySaysSoCalmlyAndWorksOnceItIsBack() throws Exception {
        LoadClient.Tab person = open();
        person.send(List.of(LoadClient.Tab.click(person.node("id", "stop"))));
        Integer start = person.cardButton("zelfbeeld");
        assertThat(start).as("back on the start page").isNotNull();

        database.stopForDrill();
        stopped = true;
        String response = person.send(List.of(LoadClient.Tab.click(start)));
        calm(response);
        assertThat(response).as("told calmly, instead of nothing")
                .contains("Spiegel kan je gegevens nu even niet bereiken. Wat je eerder hebt opgeslagen, blijft bewaard.");
        assertThat(person.cardButton("zelfbeeld")).as("still on the start page, one tap to try again").isNotNull();

        database.startAgain();
        stopped = false;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> userMessages() >= 0);
        person.send(List.of(LoadClient.Tab.click(person.cardButton("zelfbeeld"))));
        assertThat(person.node("id", "composer")).as("the dialogue opens once the database is back").isNotNull();
    }

    @Test
    void aReturningVisitorWithoutASessionSeesTheCalmPageWhileTheDatabaseIsAwayAndKeepsWhatTheyWrote() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        String earlier = "Wat ik schreef voordat de database wegviel.";
        assertThat(person.send(answer(person, earlier))).contains(earlier);
        // the next visit: the same browser with its visitor cookie, a new server session (a reload after the session
        // ended, or coming back another day)
        Map<String, String> returning = person.cookiesWithoutSession();
        assertThat(returning).containsKey(VisitorCookie.NAME);

        database.stopForDrill();
        stopped = true;
        HttpResponse<String> page = get("/", returning);
        assertThat(page.statusCode()).as("the page, not a redirect to the login page (which failed the same way)")
                .isEqualTo(200);
        assertThat(page.headers().allValues("set-cookie")).as("the visitor cookie is kept, not replaced")
                .noneMatch(cookie -> cookie.startsWith(VisitorCookie.NAME + "="));
        Map<String, String> session = withSessionOf(page, returning);
        LoadClient.Tab away = LoadClient.Tab.at(client(), "", session);
        assertThat(away.openResponse()).as("the calm page while the database is away").contains("Even geduld")
                .contains("113");
        calm(away.openResponse());
        assertThat(away.cookies()).as("the visitor cookie is kept, not replaced")
                .containsEntry(VisitorCookie.NAME, returning.get(VisitorCookie.NAME));

        database.startAgain();
        stopped = false;
        // the same tab reloads once the database is back: their own dialogue, with what they wrote before
        LoadClient.Tab back = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> LoadClient.Tab.open(client(), "kennismaking", session), tab -> true);
        assertThat(LoadClient.Tab.shows(back.openResponse(), earlier)).as("their own dialogue, not a new visitor's")
                .isTrue();
    }

    @Test
    void aOneMegabyteAnswerIsRefusedWithAClearMessageAndTheTextStays() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        int before = userMessages();
        String huge = "Een heel lang verhaal over mijn week. ".repeat(28_000);
        assertThat(huge.length()).isGreaterThan(1_000_000);

        String response = person.send(answer(person, huge));
        calm(response);
        assertThat(response).as("told in words what to do").contains("Je antwoord is te lang. Maak het wat korter.");
        assertThat(response).as("the text is not emptied").doesNotContain("\"value\":\"\"");
        assertThat(userMessages()).as("nothing stored").isEqualTo(before);
        assertThat(person.node("id", "answer")).as("still the same question").isNotNull();

        // the field keeps the text: the person shortens it and sends again
        String shorter = "Een korter verhaal over mijn week.";
        assertThat(person.send(answer(person, shorter))).contains(shorter);
        assertThat(userMessages()).isEqualTo(before + 1);
    }

    @Test
    void aOneMegabyteMessageThatShowsRiskStillGetsHelpAndIsStoredOnce() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        int before = userMessages();
        String huge = "Ik wil niet meer leven. " + "Het is allemaal te veel. ".repeat(42_000);
        assertThat(huge.length()).isGreaterThan(1_000_000);

        String response = person.send(answer(person, huge));
        calm(response);
        assertThat(response).as("the safety panel, not an error").contains("113");
        assertThat(userMessages()).as("kept once, for the help that follows").isEqualTo(before + 1);
    }

    // ---- helpers ----

    private LoadClient client() {
        return new LoadClient(new LoadClient.Options(URI.create("http://localhost:" + port), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), null, Map.of(), false));
    }

    private LoadClient.Tab open() throws Exception {
        return LoadClient.Tab.open(client(), "kennismaking", Map.of());
    }

    private LoadClient.Tab atWrittenQuestion() throws Exception {
        LoadClient.Tab tab = open();
        for (int i = 0; i < 40 && tab.node("id", "answer") == null; i++) {
            tab.step(0, null);
        }
        assertThat(tab.node("id", "answer")).as("a written question").isNotNull();
        return tab;
    }

    private static void walkToTheEnd(LoadClient.Tab tab) throws Exception {
        for (int i = 0; i < 200 && tab.node("id", "to-start") == null; i++) {
            tab.step(0, null);
        }
        assertThat(tab.node("id", "to-start")).as("the dialogue finished").isNotNull();
    }

    private LoadClient.Tab reloaded(LoadClient.Tab tab) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>(tab.cookies());
        return LoadClient.Tab.open(client(), "kennismaking", cookies);
    }

    /** The person goes on as usual: one step, answered and shown. */
    private void stillWorks(LoadClient.Tab tab) throws Exception {
        int before = userMessages();
        LoadClient.Tab usable = tab;
        try {
            usable.send(List.of());
        } catch (IllegalStateException resync) {
            usable = reloaded(tab);
        }
        // at the end of a dialogue the first step opens the next one (and a mood question may come first)
        for (int i = 0; i < 4 && userMessages() == before; i++) {
            usable.step(0, null);
        }
        assertThat(userMessages()).as("the next answer is stored").isEqualTo(before + 1);
    }

    private static List<Map<String, Object>> answer(LoadClient.Tab tab, String text) {
        Integer field = tab.node("id", "answer");
        Integer send = tab.node("id", "send");
        return List.of(Map.of("type", "mSync", "node", field, "feature", 1, "property", "value", "value", text),
                LoadClient.Tab.click(send));
    }

    private HttpResponse<String> get(String path, Map<String, String> cookies) throws Exception {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                .append(value));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept-Language", "nl");
        if (!header.isEmpty()) {
            request.header("Cookie", header.toString());
        }
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** These cookies and the session cookie the response set. */
    private static Map<String, String> withSessionOf(HttpResponse<String> response, Map<String, String> cookies) {
        Map<String, String> with = new LinkedHashMap<>(cookies);
        response.headers().allValues("set-cookie").stream().map(cookie -> cookie.split(";", 2)[0])
                .filter(pair -> pair.startsWith("JSESSIONID="))
                .forEach(pair -> with.put("JSESSIONID", pair.substring("JSESSIONID=".length())));
        assertThat(with).as("a session for the page").containsKey("JSESSIONID");
        return with;
    }

    private static void calm(LoadClient.Tab.Raw raw) {
        assertThat(raw.status()).as("no server error: " + raw.body()).isLessThan(500);
        calm(raw.body());
    }

    /**
     * No server error and no message about one: Vaadin may answer with an "appError" that has neither caption nor
     * message, which is its instruction to the browser to reload quietly (a wrong token, a screen out of step), but
     * never with a shown error ("Internal error", "Synchronization Error" or Spiegel's own words for them).
     */
    private static void calm(String body) {
        assertThat(body).doesNotContain("Internal error", "Synchronization Error", "Er ging iets mis",
                "Even opnieuw laden", "Exception", "exception");
        if (body.contains("appError")) {
            assertThat(body).as("only a quiet reload").contains("\"caption\":null").contains("\"message\":null");
        }
    }

    private int userMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE kind IN ('USER_TEXT', 'USER_CHOICE')")
                .query(Integer.class).single();
    }
}
