package nl.spiegel.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.identity.VisitorCookie;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;

/**
 * Bytes a browser would never send, in the raw bodies of real HTTP requests: invalid UTF-8, encoded lone surrogates,
 * NUL, raw control characters inside JSON strings, bodies that are no JSON at all, in Vaadin's UIDL requests (the
 * chat's answer, the login form, the registration form) and in form posts to Spring Security's endpoints. None may
 * end in a server error, nothing may be stored garbled (an answer is stored exactly as the server understood it, or
 * not at all), and a CRLF in any field that could reach the log never starts a log line of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RawRequestBytesIT {

    private static final String PLACE = "@@PAYLOAD@@";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;

    /** One hostile body: what goes into the answer's JSON string, and what may be stored (null: nothing). */
    record Case(String name, byte[] payload, String stored) {
    }

    @Test
    void brokenBytesInTheChatsUidlBodyNeverCauseServerErrorsAndNothingIsStoredGarbled() throws Exception {
        List<Case> cases = List.of(
                new Case("valid multi-byte text", utf8("Rustig \u00EBn \u20AC \uD83D\uDE14 \u05E9\u05DC\u05D5\u05DD"),
                        "Rustig \u00EBn \u20AC \uD83D\uDE14 \u05E9\u05DC\u05D5\u05DD"),
                new Case("0xFF 0xFE", bytes(utf8("Goed "), new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8(" dag")), null),
                new Case("overlong slash", bytes(utf8("pad "), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8(" etc")),
                        null),
                new Case("cut-off euro sign", bytes(utf8("prijs "), new byte[] {(byte) 0xE2, (byte) 0x82}), null),
                new Case("CESU-8 lone surrogate",
                        bytes(utf8("half "), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), null),
                new Case("escaped lone surrogate", utf8("half \\ud800 teken"), "half \ud800 teken"),
                new Case("escaped reversed pair", utf8("om \\udc00\\ud800 gekeerd"), "om \udc00\ud800 gekeerd"),
                new Case("escaped NUL", utf8("nul \\u0000 hier"), "nul \u0000 hier"),
                new Case("raw NUL byte", bytes(utf8("nul "), new byte[] {0}, utf8(" rauw")), null),
                new Case("raw CRLF", utf8("regel\r\nFORGED-RAW INFO nep"), null),
                new Case("escaped CRLF", utf8("regel\\r\\nFORGED-ESC INFO nep"), "regel\nFORGED-ESC INFO nep"),
                new Case("escaped RTL override", utf8("gnirts \\u202Eesrever"), "gnirts \u202Eesrever"));

        for (Case hostile : cases) {
            LoadClient.Tab person = atWrittenQuestion();
            int before = userMessages();
            byte[] body = withPayload(person.body(answer(person, PLACE)), hostile.payload());
            LoadClient.Tab.Raw raw = person.postUidl(body);
            assertThat(raw.status()).as("no server error for %s", hostile.name()).isLessThan(500);
            calm(raw.body());
            List<String> stored = writtenAnswers(person);
            if (hostile.stored() == null) {
                assertThat(stored).as("nothing stored for %s", hostile.name()).isEmpty();
                assertThat(userMessages()).isEqualTo(before);
            } else {
                assertThat(stored).as("stored exactly as understood: %s", hostile.name())
                        .containsExactly(hostile.stored());
            }
            // the person reloads (a refused request leaves the screen out of step) and goes on
            LoadClient.Tab again = LoadClient.Tab.open(client(), "kennismaking", person.cookiesWithoutSession());
            int beforeStep = userMessages();
            for (int i = 0; i < 4 && userMessages() == beforeStep; i++) {
                again.step(0, null);
            }
            assertThat(userMessages()).as("the person goes on after %s", hostile.name()).isEqualTo(beforeStep + 1);
        }
    }

    @Test
    void bodiesThatAreNoJsonOrNoUtf8AtAllAreRefusedWithoutAServerError() throws Exception {
        LoadClient.Tab person = atWrittenQuestion();
        List<byte[]> bodies = List.of(new byte[0], utf8("{"), utf8("niet eens json"), utf8("[".repeat(100_000)),
                utf8("{\"csrfToken\":" + "[".repeat(5_000) + "}"), new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 0},
                utf8("{\"rpc\":\"geen lijst\",\"syncId\":\"x\",\"clientId\":-1}"));
        List<Map<String, Object>> shapes = List.of(
                Map.of("syncId", "x"), Map.of("clientId", List.of()), Map.of("csrfToken", 7),
                Map.of("rpc", "geen lijst"), Map.of("rpc", List.of("geen object")),
                Map.of("rpc", List.of(Map.of("type", "event", "node", "x", "event", "click"))),
                Map.of("rpc", List.of(Map.of("type", 5, "node", 1))),
                Map.of("rpc", List.of(Map.of("type", "mSync", "node", 1, "feature", "een", "property", "value"))),
                Map.of("rpc", List.of(Map.of("type", "event", "node", 1, "event", List.of("click")))),
                Map.of("syncId", 1e40));
        for (Map<String, Object> shape : shapes) {
            Map<String, Object> body = person.body(List.of());
            body.putAll(shape);
            LoadClient.Tab.Raw raw = person.postUidl(utf8(LoadClient.Json.write(body)));
            assertThat(raw.status()).as("no server error for %s", shape).isLessThan(500);
            calm(raw.body());
        }
        for (byte[] body : bodies) {
            LoadClient.Tab.Raw raw = person.postUidl(body);
            assertThat(raw.status()).as("no server error").isLessThan(500);
            calm(raw.body());
        }
        LoadClient.Tab again = LoadClient.Tab.open(client(), "kennismaking", person.cookiesWithoutSession());
        int before = userMessages();
        for (int i = 0; i < 4 && userMessages() == before; i++) {
            again.step(0, null);
        }
        assertThat(userMessages()).isEqualTo(before + 1);
    }

    @Test
    void aCrlfInFieldsThatCouldReachTheLogNeverStartsALogLine(CapturedOutput output) throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        String crlf = "\r\n" + marker + " INFO nl.spiegel.Fake : forged line";
        // the chat's answer, in JSON escapes (as a browser sends it) and as raw bytes (refused)
        LoadClient.Tab person = atWrittenQuestion();
        person.write("Mijn antwoord" + crlf);
        LoadClient.Tab other = atWrittenQuestion();
        other.postUidl(withPayload(other.body(answer(other, PLACE)), utf8("rauw" + crlf)));
        other.postUidl(withPayload(other.body(answer(other, PLACE)),
                bytes(utf8("rauw"), new byte[] {(byte) 0xFF}, utf8(crlf))));
        // the login form: user name and password, and a second factor asked for nobody
        LoadClient.Tab login = LoadClient.Tab.at(client(), "login", Map.of());
        for (int i = 0; i < 3; i++) {
            login.send(List.of(Map.of("type", "event", "node", login.node("id", "login-form"), "event", "login",
                    "data", Map.of("event.detail.username", "iemand" + crlf + "@example.org",
                            "event.detail.password", "wachtwoord" + crlf))));
        }
        // the registration form
        LoadClient.Tab register = LoadClient.Tab.at(client(), "register", Map.of());
        register.send(List.of(
                sync(register, "register-email", "nieuw" + crlf + "@example.org"),
                sync(register, "register-password", "een-lang-wachtwoord" + crlf),
                sync(register, "register-repeat", "een-lang-wachtwoord" + crlf),
                LoadClient.Tab.click(register.node("id", "register-submit"))));
        // the address a screen is opened at, and form posts to Spring Security's own endpoints
        String encoded = java.net.URLEncoder.encode(crlf, StandardCharsets.UTF_8);
        LoadClient.Tab.at(client(), "dialoog" + crlf, Map.of());
        LoadClient.Tab.Raw form = person.post("/login", utf8("username=" + encoded + "&password=" + encoded),
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isLessThan(500);
        LoadClient.Tab.Raw broken = person.post("/login?x=" + encoded, bytes(utf8("username="),
                new byte[] {(byte) 0xC0, (byte) 0xAF, 0, '\r', '\n'}, utf8(marker)), "application/x-www-form-urlencoded");
        assertThat(broken.status()).isLessThan(500);

        // the server's log is in the captured output (the refused raw bodies are logged, without their content)
        assertThat(output.getAll()).contains("MalformedUidlFilter", "that are not UTF-8 refused");
        for (String line : output.getAll().split("\r\n|\r|\n")) {
            assertThat(line).as("no log line starts with what was typed").doesNotStartWith(marker);
        }
        assertThat(output.getAll()).as("what a person typed is not logged at all").doesNotContain(marker);
    }

    private static Map<String, Object> sync(LoadClient.Tab tab, String id, String value) {
        Integer node = tab.node("id", id);
        assertThat(node).as(id).isNotNull();
        return Map.of("type", "mSync", "node", node, "feature", 1, "property", "value", "value", value);
    }

    private static void calm(String body) {
        assertThat(body).doesNotContain("Internal error", "Synchronization Error", "Er ging iets mis", "Exception",
                "exception");
        if (body.contains("appError")) {
            assertThat(body).as("only a quiet reload").contains("\"caption\":null").contains("\"message\":null");
        }
    }

    // ---- helpers ----

    /** The written answers stored in the person's dialogue, read back through the service. */
    private List<String> writtenAnswers(LoadClient.Tab tab) {
        VisitorToken token = new VisitorToken(tab.cookies().get(VisitorCookie.NAME));
        return dialogues.startOrResume(visitors.resolve(token), "kennismaking").messages().stream()
                .filter(message -> message.kind() == Turn.Kind.USER_TEXT).map(message -> message.text().in("nl"))
                .toList();
    }

    /** The UIDL body with the payload's bytes put where the placeholder was, inside a JSON string. */
    private static byte[] withPayload(Map<String, Object> body, byte[] payload) {
        String json = LoadClient.Json.write(body);
        int at = json.indexOf(PLACE);
        return bytes(utf8(json.substring(0, at)), payload, utf8(json.substring(at + PLACE.length())));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private LoadClient client() {
        return new LoadClient(new LoadClient.Options(URI.create("http://localhost:" + port), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), null, Map.of(), false));
    }

    private LoadClient.Tab atWrittenQuestion() throws Exception {
        LoadClient.Tab tab = LoadClient.Tab.open(client(), "kennismaking", Map.of());
        for (int i = 0; i < 40 && tab.node("id", "answer") == null; i++) {
            tab.step(0, null);
        }
        assertThat(tab.node("id", "answer")).as("a written question").isNotNull();
        return tab;
    }

    private static List<Map<String, Object>> answer(LoadClient.Tab tab, String text) {
        return List.of(Map.of("type", "mSync", "node", tab.node("id", "answer"), "feature", 1, "property", "value",
                        "value", text),
                LoadClient.Tab.click(tab.node("id", "send")));
    }

    private int userMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE kind IN ('USER_TEXT', 'USER_CHOICE')")
                .query(Integer.class).single();
    }
}
