package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.sun.net.httpserver.HttpServer;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.portal.ContactLines;
import nl.spiegel.portal.OrganisationAdmin;

/**
 * Spiegel inside another organisation's portal: a host page served from another origin on this machine
 * (http://127.0.0.1:port, while Spiegel runs at http://localhost:port, so cross-site) includes the loader script,
 * opens the panel and runs a whole dialogue in the organisation's colours; its crisis panel shows the organisation's
 * contacts that are open at this hour. The same page from an origin that is not listed is refused framing and gets
 * the offer of a new window. Over plain http this only works because Chromium treats localhost as secure, which
 * lets it keep the Secure, partitioned cookies the frame needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EmbeddedWidgetJourneyIT extends BrowserJourney {

    private static final By BUTTON = By.id("spiegel-embed-button");
    private static final By PANEL = By.id("spiegel-embed-panel");
    private static final By FRAME = By.id("spiegel-embed-frame");
    private static final By BUBBLES = By.cssSelector("#chat-log .sp-bubble");
    private static final By OPTIONS = By.cssSelector("#composer vaadin-button.sp-option");
    private static final By ANSWER = By.cssSelector("#answer textarea");
    private static final String PRIMARY = "#7a1f5f";
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @Autowired
    OrganisationAdmin admin;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    private HttpServer listedHost;
    private HttpServer otherHost;
    private Organisation organisation;

    @BeforeEach
    void organisationWithAPortal() throws IOException {
        listedHost = hostPage();
        otherHost = hostPage();
        StaffMember platform = staff.create("platform-" + UUID.randomUUID() + "@example.org",
                "een-lang-test-wachtwoord", "Platform", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        String slug = "noord-" + UUID.randomUUID().toString().substring(0, 6);
        organisation = admin.create(platform.userId(), "Praktijk Noord", slug);
        admin.saveBranding(platform.userId(), organisation.id(), "Praktijk Noord", PRIMARY, "#5f1f7a",
                "Welkom bij Praktijk Noord. Neem rustig de tijd.", "Welcome to Praktijk Noord.");
        admin.saveOfferedDialogues(platform.userId(), organisation.id(), List.of("kennismaking"));
        admin.saveEmbedOrigins(platform.userId(), organisation.id(), List.of(origin(listedHost)));
        // one contact open around this hour, one open the rest of the day, one always
        LocalTime now = LocalTime.now(ZoneId.of("Europe/Amsterdam"));
        String day = HOURS.format(now.minusHours(1)) + "-" + HOURS.format(now.plusHours(1));
        String night = HOURS.format(now.plusHours(1)) + "-" + HOURS.format(now.minusHours(1));
        admin.saveCrisisContacts(platform.userId(), organisation.id(), Locale.of("nl"), ContactLines.parse("""
                Crisisteam Noord | 050-1112223 | %s | Nu bereikbaar
                Nachtdienst Noord | 050-9998887 | %s | Buiten dit uur
                113 Zelfmoordpreventie | 113, 0800-0113 | | Altijd
                """.formatted(day, night), Locale.of("nl")));
    }

    @AfterEach
    void stopHosts() {
        listedHost.stop(0);
        otherHost.stop(0);
    }

    @Test
    void aListedPortalRunsADialogueInTheOrganisationsLookWithItsCrisisContacts() {
        runEmbeddedJourney(browser(1200, 900), true);
    }

    @Test
    void itAlsoWorksWhenTheBrowserBlocksThirdPartyCookies() {
        runEmbeddedJourney(browser(1200, 900, true), false);
    }

    @Test
    void aPortalThatIsNotListedIsRefusedFramingAndOffersANewWindow() {
        Browser browser = browser(1200, 900);
        browser.driver().get(origin(otherHost) + "/?timeout=4000");
        browser.visible(BUTTON).click();
        browser.waiting().until(d -> browser.visible(PANEL).getAttribute("data-failed") != null);
        WebElement fallback = browser.visible(By.id("spiegel-embed-open-window"));
        assertThat(fallback.getAttribute("href")).isEqualTo(baseUrl() + "/embed/" + organisation.slug());
        assertThat(browser.visible(PANEL).getAttribute("data-ready")).isNull();
        // nothing of Spiegel was rendered inside the refused frame
        browser.driver().switchTo().frame(browser.present(FRAME));
        assertThat(browser.all(By.id("help-button"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("Praktijk Noord");
        browser.driver().switchTo().defaultContent();
        assertThat(visitorsOf(organisation)).isZero();
    }

    @Test
    void onlyTheEmbedRoutesMayBeFramedAndOnlyByTheListedOriginsWithPartitionedCookies() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> embed = get(http, "/embed/" + organisation.slug() + "?host=" + origin(listedHost));
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).endsWith("frame-ancestors " + origin(listedHost)).doesNotContain(origin(otherHost)));
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        List<String> cookies = embed.headers().allValues("Set-Cookie");
        assertThat(cookies).as("session, visitor and marker cookie").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=None")
                        .contains("Secure").contains("Partitioned"));
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));

        for (String path : List.of("/", "/login", "/embed/no-such-organisation")) {
            HttpResponse<String> plain = get(http, path);
            assertThat(plain.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).endsWith("frame-ancestors 'none'"));
            assertThat(plain.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(plain.headers().allValues("Set-Cookie")).as(path)
                    .noneSatisfy(cookie -> assertThat(cookie).contains("Partitioned"));
        }
        HttpResponse<String> unknown = get(http, "/embed/no-such-organisation");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("Praktijk Noord");
        assertThat(get(http, "/branding/no-such-organisation.css").statusCode()).isEqualTo(404);
        HttpResponse<String> css = get(http, "/branding/" + organisation.slug() + ".css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("--lumo-primary-color: " + PRIMARY);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void runEmbeddedJourney(Browser browser, boolean screenshot) {
        browser.driver().get(origin(listedHost) + "/");
        browser.visible(BUTTON).click();
        // the frame reported back: its session works (cookies accepted) and postMessage reached the page
        browser.waiting().until(d -> browser.visible(PANEL).getAttribute("data-ready") != null);
        browser.driver().switchTo().frame(browser.visible(FRAME));
        browser.waitForVaadin();

        assertThat(browser.visible(By.id("org-welcome")).getText()).contains("Welkom bij Praktijk Noord");
        assertThat(browser.all(By.cssSelector("li.sp-dialogue-card")))
                .extracting(card -> card.getAttribute("data-dialogue")).containsExactly("kennismaking");
        assertThat(browser.js("return Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
                + ".map(l => l.href).join(' ')")).as("the organisation's stylesheet")
                .asString().contains("/branding/" + organisation.slug() + ".css");
        WebElement start = browser.visible(By.cssSelector("li.sp-dialogue-card .sp-card-action"));
        assertThat(colour(browser, start)).as("the primary button in the organisation's colour")
                .isEqualTo("rgb(122, 31, 95)");
        start.click();
        // the frame's own address (the driver's current URL is the host page's)
        browser.waiting().until(d -> String.valueOf(browser.js("return location.pathname")).startsWith("/dialogue/"));
        if (screenshot) {
            answerOnce(browser);
            browser.driver().switchTo().defaultContent();
            browser.screenshot(Path.of("docs/images/embedded.png"));
            browser.driver().switchTo().frame(browser.visible(FRAME));
        }
        finishDialogue(browser);

        browser.visible(By.id("help-button")).click();
        String panel = browser.visible(By.id("crisis-dialog")).getText();
        assertThat(panel).contains("Crisisteam Noord", "113 Zelfmoordpreventie").doesNotContain("Nachtdienst Noord");
        browser.driver().switchTo().defaultContent();

        assertThat(visitorsOf(organisation)).as("the embedded visitor belongs to the organisation").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dialogue_sessions WHERE organisation_id = ? AND finished_at IS NOT NULL")
                .param(organisation.id().toString()).query(Integer.class).single()).isEqualTo(1);
    }

    private int visitorsOf(Organisation organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE organisation_id = ? AND role = 'CLIENT'")
                .param(organisation.id().toString()).query(Integer.class).single();
    }

    private static String colour(Browser browser, WebElement element) {
        return (String) browser.js("return getComputedStyle(arguments[0]).backgroundColor", element);
    }

    private static void finishDialogue(Browser browser) {
        for (int step = 0; step < 40; step++) {
            if (!browser.all(By.cssSelector("#finished-actions > *")).isEmpty()) {
                return;
            }
            answerOnce(browser);
        }
        throw new AssertionError("the dialogue did not finish");
    }

    private static void answerOnce(Browser browser) {
        browser.waitForVaadin();
        int before = browser.all(BUBBLES).size();
        if (!browser.all(OPTIONS).isEmpty()) {
            browser.visible(OPTIONS).click();
        } else if (!browser.all(ANSWER).isEmpty()) {
            browser.visible(ANSWER).sendKeys("Ik wandel graag in het bos en lees dan een boek.");
            browser.visible(By.id("send")).click();
        } else {
            return;
        }
        browser.waiting().withTimeout(Duration.ofSeconds(20)).until(d -> browser.all(BUBBLES).size() > before
                || !browser.all(By.cssSelector("#finished-actions > *")).isEmpty());
        browser.waitForVaadin();
    }

    /** A portal page on another origin that includes the loader script, as an organisation would. */
    private HttpServer hostPage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String timeout = query != null && query.startsWith("timeout=") ? query.substring(8) : "20000";
            byte[] page = """
                    <!doctype html>
                    <html lang="nl"><head><meta charset="utf-8"><title>Portaal Praktijk Noord</title></head>
                    <body style="font-family: sans-serif; background: #f4f1ea; margin: 2rem">
                    <h1>Mijn portaal</h1><p>Afspraken, berichten en meer.</p>
                    <script src="%s/embed/loader.js" data-organisation="%s" data-timeout="%s" async></script>
                    </body></html>""".formatted(baseUrl(), organisation.slug(), timeout)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String origin(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
