package nl.spiegel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.sun.net.httpserver.HttpServer;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.TestOidcProvider;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.organisation.SsoChange;
import nl.spiegel.portal.OrganisationAdmin;

/**
 * Single sign-on in a real browser: a second organisation's admin settings point at a real OpenID Connect provider
 * (Spring Authorization Server, {@link TestOidcProvider}, on http://127.0.0.1:port while Spiegel runs at
 * http://localhost:port, so the two session cookies never meet). The person starts at {@code /sso/{slug}}, logs in
 * at the provider's own form, arrives logged in on the page of the role the provider's group gave them, logs out,
 * and is logged out at the provider too (RP-initiated logout): starting again asks for the password again. Then the
 * same in the organisation's portal: a host page on http://127.0.0.1:port frames Spiegel, whose login page there
 * offers the organisation's login; the provider (one that allows framing) shows its form inside the frame and the
 * person arrives logged in inside the frame.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SsoJourneyIT extends BrowserJourney {

    private static final String CLIENT_ID = "spiegel-zuid";
    private static final String USER = "noor";
    private static final String CLIENT_USER = "sam";

    @Autowired
    OrganisationAdmin admin;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;

    private TestOidcProvider provider;
    private Organisation organisation;
    private String email;
    private String unique;
    private HttpServer host;

    @BeforeEach
    void anOrganisationWithItsOwnProvider() throws IOException {
        unique = UUID.randomUUID().toString().substring(0, 8);
        email = emailOf(USER);
        StaffMember platform = staff.create("platform-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Platform", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        organisation = admin.create(platform.userId(), "Praktijk Zuid", "zuid-" + unique);
        String secret = "geheim-" + UUID.randomUUID();
        provider = TestOidcProvider.startFramable(baseUrl(), organisation.slug(), CLIENT_ID, secret,
                List.of(USER, CLIENT_USER), (user, claims) -> {
                    if (user.equals(USER)) {
                        claims.claim("email", email).claim("email_verified", true).claim("name", "Noor Zuiderveld")
                                .claim("groups", List.of("zorg", "spiegel-therapeuten"));
                    } else {
                        claims.claim("email", emailOf(user)).claim("email_verified", true);
                    }
                });
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", exchange -> {
            byte[] page = """
                    <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Portaal</title></head>
                    <body><h1>Portaal Zuid</h1>
                    <script src="%s/embed/loader.js" data-organisation="%s" async></script></body></html>"""
                    .formatted(baseUrl(), organisation.slug()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        host.start();
        admin.saveEmbedOrigins(platform.userId(), organisation.id(), List.of(hostOrigin()));
        // as the organisation's admin screen saves it: discovery runs against the provider first
        admin.saveSingleSignOn(platform.userId(), organisation.id(), new SsoChange(true, provider.issuer(),
                CLIENT_ID, secret, "groups", "spiegel-therapeuten=THERAPIST"));
    }

    @AfterEach
    void stopTheProvider() {
        if (host != null) {
            host.stop(0);
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aPersonLogsInAtTheOrganisationsProviderInAFullWindowAndInThePortalsFrameAndLogsOutOfBoth() {
        Browser browser = browser(1100, 1000);
        browser.driver().get(baseUrl() + "/sso/" + organisation.slug());
        browser.waiting().until(ExpectedConditions.urlToBe(provider.issuer() + "/login"));
        logInAtTheProvider(browser, USER);

        browser.waiting().until(ExpectedConditions.urlToBe(baseUrl() + "/therapist"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector("h1")).getText()).as("the provider's group made them a therapist")
                .isEqualTo("Werkplek hulpverleners");
        assertThat(browser.visible(By.cssSelector(".sp-therapist .sp-note")).getText()).contains("Noor Zuiderveld");
        assertThat(jdbc.sql("SELECT organisation_id FROM users WHERE email = ?").param(email).query(String.class)
                .single()).as("the account belongs to the organisation").isEqualTo(organisation.id().toString());

        browser.visible(By.id("logout")).click();
        // Spiegel → the provider's end-session endpoint → back to Spiegel's start page
        browser.waiting().until(ExpectedConditions.urlToBe(baseUrl() + "/"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector(".sp-account-links a[data-path='login']")).isDisplayed())
                .as("the start page offers to log in again").isTrue();
        browser.go("/therapist");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.exists(By.id("on-duty"))).isFalse();

        // the provider's session ended too: a new single sign-on asks for the password again
        browser.driver().get(baseUrl() + "/sso/" + organisation.slug());
        browser.waiting().until(ExpectedConditions.urlToBe(provider.issuer() + "/login"));
        assertThat(browser.visible(By.id("password")).getAttribute("value")).isEmpty();

        // inside the portal's frame (this provider lets its login form be framed): the organisation's login button
        browser.driver().get(hostOrigin() + "/");
        browser.visible(By.id("spiegel-embed-button")).click();
        browser.waiting().until(d -> browser.visible(By.id("spiegel-embed-panel")).getAttribute("data-ready") != null);
        browser.driver().switchTo().frame(browser.visible(By.id("spiegel-embed-frame")));
        browser.waitForVaadin();
        browser.js("location.href = '/login'");
        browser.waiting().until(d -> frameAddress(browser).equals(baseUrl() + "/login"));
        browser.waitForVaadin();
        browser.visible(By.id("login-sso")).click();
        browser.waiting().until(d -> frameAddress(browser).equals(provider.issuer() + "/login"));
        logInAtTheProvider(browser, CLIENT_USER);
        browser.waiting().until(d -> frameAddress(browser).equals(baseUrl() + "/"));
        browser.waitForVaadin();
        assertThat(browser.visible(By.cssSelector(".sp-account-links a[data-path='account']")).isDisplayed())
                .as("logged in inside the frame").isTrue();
        assertThat(jdbc.sql("SELECT organisation_id FROM users WHERE email = ?").param(emailOf(CLIENT_USER))
                .query(String.class).single()).isEqualTo(organisation.id().toString());
    }

    /** Where the frame the driver is in now is (the driver's current URL is the top window's). */
    private static String frameAddress(Browser browser) {
        return String.valueOf(browser.js("return location.href"));
    }

    private String emailOf(String user) {
        return user + "-" + unique + "@example.org";
    }

    private String hostOrigin() {
        return "http://127.0.0.1:" + host.getAddress().getPort();
    }

    /** The provider's own login form (Spring Security's default page). */
    private static void logInAtTheProvider(Browser browser, String user) {
        browser.visible(By.id("username")).sendKeys(user);
        browser.visible(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        browser.visible(By.cssSelector("button[type='submit']")).click();
    }
}
