package nl.spiegel.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.identity.internal.AccountUserDetails;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.organisation.OrganisationSettingsException;
import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.organisation.SsoChange;
import nl.spiegel.portal.OrganisationAdmin;
import nl.spiegel.privacy.PersonalDataService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on against a real OpenID Connect provider: Spring Authorization Server, started in this JVM as its own
 * small server ({@link TestOidcProvider}: own application context, own Tomcat on a random port of 127.0.0.1), with
 * users whose ID tokens are
 * made wrong on purpose (issuer, audience, nonce, expiry). Spiegel's side runs in the shared test context through its
 * real security filter chain (MockMvc, host 127.0.0.1); the browser's part at the provider (its login form, the
 * redirects) is an HTTP client with its own cookies. The provider does not send back-channel logouts itself, so the
 * test signs a logout token with the provider's own key, as the provider would, and posts it.
 */
@SpiegelIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoLoginIT {

    private static final String CLIENT_ID = "spiegel-portal";
    private static final String CLIENT_SECRET = "geheim-" + UUID.randomUUID();
    private static final String PASSWORD = TestOidcProvider.PASSWORD;
    private static final String APP = "http://127.0.0.1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    WebApplicationContext context;
    @Autowired
    OrganisationDirectory organisations;
    @Autowired
    OrganisationAdmin admin;
    @Autowired
    SingleSignOn singleSignOn;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VisitorService visitors;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonalDataService personalData;

    private MockMvc mvc;
    private RSAKey key;
    private TestOidcProvider provider;
    private String issuer;
    private Organisation organisation;
    private String unique;
    private final Map<String, Map<String, Object>> extraClaims = new ConcurrentHashMap<>();

    @BeforeAll
    void startTheProvider() {
        unique = UUID.randomUUID().toString().substring(0, 8);
        organisation = organisations.create("Portaal Oost", "oost-" + unique);
        provider = TestOidcProvider.start(APP, organisation.slug(), CLIENT_ID, CLIENT_SECRET, List.of("anna", "bram",
                "beheer", "chris", "dirk", "erik", "frank", "gerda", "hanna", "ilse", "jan", "karin", "lies", "mila",
                "paula", "wrong-issuer", "wrong-audience", "wrong-nonce", "expired"), this::idTokenClaims);
        key = provider.key();
        issuer = provider.issuer();
    }

    @AfterAll
    void stopTheProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void theOrganisationUsesTheProvider() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        singleSignOn.save(organisation.id(), new SsoChange(true, issuer, CLIENT_ID, CLIENT_SECRET, "groups",
                "spiegel-beheer=ORG_ADMIN\nspiegel-therapeuten=THERAPIST"));
    }

    @Test
    void theFirstLoginMakesTheAccountAndTheNextOneFindsItAgain() throws Exception {
        Login first = logIn("anna");
        assertThat(first.location()).isEqualTo("/");
        AccountUserDetails account = first.account().orElseThrow();
        assertThat(account.organisationId()).isEqualTo(organisation.id());
        assertThat(account.role()).isEqualTo(Role.CLIENT);
        assertThat(jdbc.sql("SELECT email FROM users WHERE id = ?").param(account.userId().toString())
                .query(String.class).single()).isEqualTo(email("anna"));
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(account.userId().toString())
                .query(String.class).optional()).as("no password: only the provider logs this account in").isEmpty();
        assertThat(links(account.userId())).isEqualTo(1);

        Login second = logIn("anna");
        assertThat(second.account()).map(AccountUserDetails::userId).contains(account.userId());
        assertThat(links(account.userId())).as("one link, found again by issuer and subject").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email("anna")).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void twoFirstLoginsOfThePersonAtTheSameMomentBothEndInTheSameAccount() throws Exception {
        AtTheProvider firstTab = atTheProvider("lies", Map.of(), new MockHttpSession());
        AtTheProvider secondTab = atTheProvider("lies", Map.of(), new MockHttpSession());
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        try (Connection blocker = dataSource.getConnection()) {
            // an uncommitted row with the person's address makes both logins wait at the same point: after both found
            // no link and no account, while storing the new account, so they really meet
            blocker.setAutoCommit(false);
            try (PreparedStatement hold = blocker.prepareStatement("INSERT INTO users (id, organisation_id,"
                    + " created_at, last_seen_at, email, role) VALUES (?, ?, NOW(6), NOW(6), ?, 'CLIENT')")) {
                hold.setString(1, UUID.randomUUID().toString());
                hold.setString(2, organisation.id().toString());
                hold.setString(3, email("lies"));
                hold.executeUpdate();
            }
            Future<Login> first = callbacks.submit(() -> backAtSpiegel(firstTab));
            Future<Login> second = callbacks.submit(() -> backAtSpiegel(secondTab));
            awaitLoginsStoringTheAccount(2);
            blocker.rollback();

            List<Login> logins = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
            assertThat(logins).extracting(Login::location).containsExactly("/", "/");
            assertThat(logins).allSatisfy(login -> assertThat(login.account()).isPresent());
            UserId account = logins.get(0).account().orElseThrow().userId();
            assertThat(logins.get(1).account()).map(AccountUserDetails::userId).contains(account);
            assertThat(links(account)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email("lies"))
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            callbacks.shutdownNow();
        }
    }

    @Test
    void theLinkIsInThePersonsDataExportInWordsAndGoesWithTheAccount() throws Exception {
        AccountUserDetails account = logIn("mila").account().orElseThrow();
        Visitor person = new Visitor(account.userId(), account.organisationId());

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        personalData.exportJson(person, Locale.of("nl"), json);
        JsonNode links = JsonMapper.builder().build().readTree(json.toByteArray()).get("sections").get("singleSignOn");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).propertyNames()).as("no internal ids")
                .containsExactly("issuer", "subject", "linkedAt", "lastLoginAt");
        assertThat(links.get(0).get("issuer").asString()).isEqualTo(issuer);
        assertThat(links.get(0).get("subject").asString()).isEqualTo("mila");
        Map<Locale, List<String>> labels = Map.of(
                Locale.of("nl"), List.of("Inloggen via je organisatie", "Inlogdienst van je organisatie",
                        "Jouw kenmerk bij die inlogdienst", "Gekoppeld op"),
                Locale.of("en"), List.of("Logging in through your organisation",
                        "Your organisation&#39;s login service", "Your identifier at that login service", "Linked on"));
        for (Map.Entry<Locale, List<String>> language : labels.entrySet()) {
            ByteArrayOutputStream html = new ByteArrayOutputStream();
            personalData.exportHtml(person, language.getKey(), html);
            assertThat(html.toString(StandardCharsets.UTF_8)).as(language.getKey().toString())
                    .contains(language.getValue()).contains(issuer, "mila").doesNotContain("!mydata.");
        }

        personalData.deleteEverything(person);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sso_identities WHERE issuer = ? AND subject = 'mila'")
                .param(issuer).query(Integer.class).single()).as("the link went with the account").isZero();
        assertThat(logIn("mila").account()).map(AccountUserDetails::userId).as("the next login starts afresh")
                .hasValueSatisfying(again -> assertThat(again).isNotEqualTo(account.userId()));
    }

    @Test
    void aVisitorOfTheOrganisationKeepsWhatTheyDidAndAVisitorOfAnotherDoesNotBecomeTheAccount() throws Exception {
        Visitor ownVisitor = visitors.resolve(VisitorToken.generate(), organisation.id());
        VisitorToken token = VisitorToken.generate();
        Visitor visitor = visitors.resolve(token, organisation.id());
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(nl.spiegel.identity.internal.VisitorCookieFilter.SESSION_ATTRIBUTE, token);
        Login login = logIn("jan", Map.of(), session);
        assertThat(login.account()).map(AccountUserDetails::userId).as("the visitor's own record became the account")
                .contains(visitor.userId());
        assertThat(jdbc.sql("SELECT visitor_token_hash FROM users WHERE id = ?").param(visitor.userId().toString())
                .query(String.class).optional()).as("the cookie no longer leads to it").isEmpty();
        assertThat(ownVisitor.userId()).isNotEqualTo(visitor.userId());

        VisitorToken elsewhere = VisitorToken.generate();
        Visitor directVisitor = visitors.resolve(elsewhere, OrganisationId.DEFAULT);
        MockHttpSession direct = new MockHttpSession();
        direct.setAttribute(nl.spiegel.identity.internal.VisitorCookieFilter.SESSION_ATTRIBUTE, elsewhere);
        Login other = logIn("karin", Map.of(), direct);
        assertThat(other.account()).hasValueSatisfying(account -> {
            assertThat(account.userId()).isNotEqualTo(directVisitor.userId());
            assertThat(account.organisationId()).isEqualTo(organisation.id());
        });
    }

    @Test
    void theRoleComesFromTheConfiguredClaimAndNeverAsPlatformAdmin() throws Exception {
        Login therapist = logIn("bram");
        assertThat(therapist.account()).map(AccountUserDetails::role).contains(Role.THERAPIST);
        assertThat(therapist.location()).isEqualTo("/therapist");
        Login orgAdmin = logIn("beheer");
        assertThat(orgAdmin.account()).map(AccountUserDetails::role).contains(Role.ORG_ADMIN);
        UserId bram = therapist.account().orElseThrow().userId();
        Login demoted = logIn("bram", Map.of("groups", List.of("medewerkers")));
        assertThat(demoted.account()).map(AccountUserDetails::role).as("the provider took the group away")
                .contains(Role.CLIENT);
        assertThat(demoted.account()).map(AccountUserDetails::userId).contains(bram);
        assertThat(therapist.session().isInvalid()).as("the login with the old role ended").isTrue();
        Login unmapped = logIn("chris");
        assertThat(unmapped.account()).map(AccountUserDetails::role).as("a value without a rule").contains(Role.CLIENT);

        OrganisationSettingsException refused = org.junit.jupiter.api.Assertions.assertThrows(
                OrganisationSettingsException.class, () -> singleSignOn.save(organisation.id(), new SsoChange(true,
                        issuer, CLIENT_ID, "", "groups", "spiegel-beheer=PLATFORM_ADMIN")));
        assertThat(refused.messageKey()).isEqualTo("organisation.sso.error.mapping");

        StaffMember platform = staff.create("platform-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Platform", Role.PLATFORM_ADMIN, organisation.id());
        Login platformByEmail = logIn("paula", Map.of("email", "platform-" + unique + "@example.org"));
        assertThat(platformByEmail.location()).isEqualTo("/login?sso=refused");
        assertThat(platformByEmail.account()).isEmpty();
        assertThat(links(platform.userId())).isZero();
    }

    @Test
    void anAccountOfTheOrganisationIsLinkedByVerifiedAddressButNeverOneOfAnotherOrganisation() throws Exception {
        StaffMember existing = staff.create(email("dirk"), "een-lang-test-wachtwoord", "Dirk", Role.THERAPIST,
                organisation.id());
        Login linked = logIn("dirk");
        assertThat(linked.account()).map(AccountUserDetails::userId).contains(existing.userId());
        assertThat(linked.account()).map(AccountUserDetails::role).contains(Role.THERAPIST);

        Organisation other = organisations.create("Portaal West", "west-" + unique);
        StaffMember elsewhere = staff.create(email("frank"), "een-lang-test-wachtwoord", "Frank", Role.THERAPIST,
                other.id());
        Login foreign = logIn("frank");
        assertThat(foreign.location()).isEqualTo("/login?sso=refused");
        assertThat(foreign.account()).isEmpty();
        assertThat(links(elsewhere.userId())).isZero();

        Login unverified = logIn("erik");
        assertThat(unverified.location()).as("an address the provider does not vouch for")
                .isEqualTo("/login?sso=refused");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email("erik")).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void tokensWithTheWrongIssuerAudienceOrNonceOrThatExpiredAreRefused() throws Exception {
        for (String user : List.of("wrong-issuer", "wrong-audience", "wrong-nonce", "expired")) {
            Login refused = logIn(user);
            assertThat(refused.location()).as(user).isEqualTo("/login?sso=failed");
            assertThat(refused.account()).as(user).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email(user))
                    .query(Integer.class).single()).as(user).isZero();
        }
        assertThat(logIn("gerda").account()).as("the same provider, a correct token").isPresent();
    }

    @Test
    void savingRunsDiscoveryAndAFailureSavesNothing() throws Exception {
        StaffMember orgAdmin = staff.create("beheerder-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Beheer", Role.ORG_ADMIN, organisation.id());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> admin.saveSingleSignOn(orgAdmin.userId(), organisation.id(),
                new SsoChange(true, nowhere, "ander", "ander-geheim", "", "")))
                .isInstanceOf(OrganisationSettingsException.class)
                .hasMessage("organisation.sso.error.discovery")
                .satisfies(e -> assertThat(((OrganisationSettingsException) e).arguments()).containsExactly(nowhere));
        assertThatThrownBy(() -> admin.saveSingleSignOn(orgAdmin.userId(), organisation.id(),
                new SsoChange(true, issuer + "/niet-hier", "ander", "ander-geheim", "", "")))
                .hasMessage("organisation.sso.error.discovery");
        assertThatThrownBy(() -> admin.saveSingleSignOn(orgAdmin.userId(), organisation.id(),
                new SsoChange(true, "http://login.example.org", "ander", "ander-geheim", "", "")))
                .as("plain http only on this machine").hasMessage("organisation.sso.error.issuer");
        assertThat(admin.singleSignOn(orgAdmin.userId(), organisation.id())).hasValueSatisfying(settings -> {
            assertThat(settings.issuer()).isEqualTo(issuer);
            assertThat(settings.clientId()).isEqualTo(CLIENT_ID);
            assertThat(settings.endSessionUri()).as("found by discovery").isEqualTo(issuer + "/connect/logout");
        });
        byte[] stored = jdbc.sql("SELECT client_secret FROM organisation_sso WHERE organisation_id = ?")
                .param(organisation.id().toString()).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("encrypted at rest")
                .doesNotContain(CLIENT_SECRET);

        Organisation other = organisations.create("Portaal Noord", "noord-" + unique);
        assertThatThrownBy(() -> admin.saveSingleSignOn(orgAdmin.userId(), other.id(),
                new SsoChange(true, issuer, CLIENT_ID, CLIENT_SECRET, "", "")))
                .as("another organisation").isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> admin.singleSignOn(orgAdmin.userId(), other.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void anOrganisationWithoutSingleSignOnSendsToTheNormalLogin() throws Exception {
        Organisation without = organisations.create("Zonder", "zonder-" + unique);
        for (String slug : List.of(without.slug(), "bestaat-niet-" + unique)) {
            MockHttpServletResponse response = mvc.perform(get(URI.create(APP + "/sso/" + slug))).andReturn()
                    .getResponse();
            assertThat(response.getRedirectedUrl()).isEqualTo("/login?sso=unavailable");
        }
        singleSignOn.save(organisation.id(), new SsoChange(false, issuer, CLIENT_ID, "", "groups", ""));
        assertThat(mvc.perform(get(URI.create(APP + "/sso/" + organisation.slug()))).andReturn().getResponse()
                .getRedirectedUrl()).as("switched off").isEqualTo("/login?sso=unavailable");
    }

    @Test
    void theProvidersBackChannelLogoutEndsTheSpiegelSession() throws Exception {
        Login login = logIn("hanna");
        assertThat(login.account()).isPresent();
        assertThat(login.session().isInvalid()).isFalse();

        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(CLIENT_ID)).subject("hanna")
                .issuedAt(now).expiresAt(now.plusSeconds(120)).id(UUID.randomUUID().toString())
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of())).build();
        String logoutToken = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))).encode(
                JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build(), claims))
                .getTokenValue();
        MockHttpServletResponse response = mvc.perform(post(URI.create(APP + "/logout/connect/back-channel/"
                        + organisation.slug())).contentType("application/x-www-form-urlencoded")
                        .param("logout_token", logoutToken))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(login.session().isInvalid()).as("the Spiegel session ended").isTrue();

        // a token signed with another key ends nothing
        Login other = logIn("hanna");
        RSAKey forged = TestOidcProvider.newKey();
        RSAKey forgedKey = new RSAKey.Builder(forged.toRSAPublicKey()).privateKey(forged.toRSAPrivateKey())
                .keyID(key.getKeyID()).build();
        String forgedToken = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(forgedKey))).encode(
                JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build(), claims))
                .getTokenValue();
        MockHttpServletResponse refused = mvc.perform(post(URI.create(APP + "/logout/connect/back-channel/"
                        + organisation.slug())).contentType("application/x-www-form-urlencoded")
                        .param("logout_token", forgedToken))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(other.session().isInvalid()).isFalse();
    }

    @Test
    void loggingOutAlsoLogsOutAtTheProvider() throws Exception {
        Login login = logIn("ilse");
        MockHttpServletResponse response = mvc.perform(post(URI.create(APP + "/logout")).session(login.session())
                .with(csrf())).andReturn().getResponse();
        String target = response.getRedirectedUrl();
        assertThat(target).startsWith(issuer + "/connect/logout?").contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + APP + "/");
        assertThat(login.session().isInvalid()).isTrue();
        // the provider accepts it and sends the browser back to Spiegel's start page
        HttpResponse<String> atProvider = login.browser().send(HttpRequest.newBuilder(URI.create(target)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(atProvider.statusCode()).isEqualTo(302);
        assertThat(atProvider.headers().firstValue("Location")).contains(APP + "/");
    }

    // ---- the browser's walk through the provider ----

    private record Login(String location, MockHttpSession session, HttpClient browser) {

        Optional<AccountUserDetails> account() {
            if (session.isInvalid()) {
                return Optional.empty();
            }
            return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof AccountUserDetails details
                    ? Optional.of(details) : Optional.empty();
        }
    }

    private Login logIn(String user) throws Exception {
        return logIn(user, Map.of());
    }

    /** Starts at /sso/{slug}, logs in at the provider's form and brings the code back to Spiegel. */
    private Login logIn(String user, Map<String, Object> claims) throws Exception {
        return logIn(user, claims, new MockHttpSession());
    }

    private Login logIn(String user, Map<String, Object> claims, MockHttpSession session) throws Exception {
        return backAtSpiegel(atTheProvider(user, claims, session));
    }

    /** A browser that logged in at the provider and is about to bring the code back to Spiegel. */
    private record AtTheProvider(String callback, MockHttpSession session, HttpClient browser) {
    }

    private AtTheProvider atTheProvider(String user, Map<String, Object> claims, MockHttpSession session)
            throws Exception {
        extraClaims.put(user, claims);
        String authorize = mvc.perform(get(URI.create(APP + "/sso/" + organisation.slug())).session(session))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(issuer + "/oauth2/authorize").contains("nonce=", "state=",
                "code_challenge=", "code_challenge_method=S256");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String next = follow(browser, authorize);
        assertThat(next).isEqualTo(issuer + "/login");
        String form = browser.send(HttpRequest.newBuilder(URI.create(next)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrfToken = CSRF.matcher(form);
        assertThat(csrfToken.find()).as("the provider's login form").isTrue();
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(next))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrfToken.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = follow(browser, posted.headers().firstValue("Location").orElseThrow());
        assertThat(callback).startsWith(APP + "/login/oauth2/code/" + organisation.slug() + "?code=");
        return new AtTheProvider(callback, session, browser);
    }

    private Login backAtSpiegel(AtTheProvider atTheProvider) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(atTheProvider.callback()))
                .session(atTheProvider.session())).andReturn().getResponse();
        return new Login(response.getRedirectedUrl(), atTheProvider.session(), atTheProvider.browser());
    }

    /** Follows the provider's redirects until one leaves the provider. */
    private String follow(HttpClient browser, String location) throws IOException, InterruptedException {
        String current = location;
        for (int hops = 0; hops < 10 && current.startsWith(issuer); hops++) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(current)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> redirect = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || redirect.isEmpty()) {
                return current;
            }
            current = URI.create(current).resolve(redirect.get()).toString();
            if (current.equals(issuer + "/login")) {
                return current;
            }
        }
        return current;
    }

    /**
     * Waits (bounded) until this many logins are in the middle of storing a new account, i.e. wait for the lock on the
     * address (the process list shows the application's own connections without extra privileges).
     */
    private void awaitLoginsStoringTheAccount(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query'"
                        + " AND INFO LIKE 'INSERT INTO users%'")
                .query(Integer.class).single() < count) {
            assertThat(Instant.now()).as("both logins reached the database").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private int links(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM sso_identities WHERE user_id = ?").param(user.toString())
                .query(Integer.class).single();
    }

    private String email(String user) {
        return user + "-" + unique + "@example.org";
    }

    /** Who each user is in the ID token, and the ways some of them are wrong. */
    private void idTokenClaims(String user, JwtClaimsSet.Builder claims) {
        claims.claim("email", email(user));
        claims.claim("email_verified", !user.equals("erik"));
        claims.claim("name", user.substring(0, 1).toUpperCase(Locale.ROOT) + user.substring(1));
        switch (user) {
            case "bram", "dirk" -> claims.claim("groups", List.of("medewerkers", "spiegel-therapeuten"));
            case "beheer" -> claims.claim("groups", List.of("spiegel-therapeuten", "spiegel-beheer"));
            case "chris" -> claims.claim("groups", "iets-anders");
            case "wrong-issuer" -> claims.issuer("http://127.0.0.1:1/ander");
            case "wrong-audience" -> claims.audience(List.of("een-andere-app"));
            case "wrong-nonce" -> claims.claim("nonce", "niet-de-nonce");
            case "expired" -> {
                Instant now = Instant.now();
                claims.issuedAt(now.minus(Duration.ofMinutes(20)));
                claims.expiresAt(now.minus(Duration.ofMinutes(10)));
            }
            default -> { }
        }
        extraClaims.getOrDefault(user, Map.of()).forEach(claims::claim);
    }
}
