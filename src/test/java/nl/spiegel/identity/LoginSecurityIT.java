package nl.spiegel.identity;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import nl.spiegel.identity.internal.LoggedInSessions;
import nl.spiegel.identity.internal.LoginAttemptPurge;
import nl.spiegel.identity.internal.VisitorCookieFilter;
import nl.spiegel.organisation.OrganisationId;

/**
 * Login security on the running server: throttling per account and per address on a clock the test moves, session
 * fixation, logout and the security headers on every response.
 */
// forwarded headers switched on as in the prod profile, with no proxy configured
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
class LoginSecurityIT {

    private static final String PASSWORD = "het regent weer in Groningen";

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock testClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    LoginService logins;
    @Autowired
    AccountSessions sessions;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ServletWebServerApplicationContext server;
    @Autowired
    VisitorService visitors;
    @Autowired
    LoggedInSessions loggedInSessions;
    @Autowired
    LoginAttemptPurge purge;
    @Autowired
    FilterRegistrationBean<VisitorCookieFilter> visitorCookieFilter;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void fiveWrongPasswordsMakeTheAccountWaitAndItRecoversAfterTheWait() {
        String email = staffAccount();
        String address = uniqueAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(logins.logIn(email, "fout wachtwoord nummer " + i, address)).isInstanceOf(LoginResult.Failed.class);
        }

        LoginResult blocked = logins.logIn(email, PASSWORD, address);
        assertThat(blocked).as("even the right password waits")
                .isInstanceOfSatisfying(LoginResult.Throttled.class,
                        wait -> assertThat(wait.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(logins.logIn(email, PASSWORD, uniqueAddress())).as("also from another address")
                .isInstanceOf(LoginResult.Throttled.class);

        clock.advance(Duration.ofSeconds(61));
        assertThat(logins.logIn(email, PASSWORD, address)).isInstanceOf(LoginResult.EnrolmentNeeded.class);

        UUID userId = UUID.fromString(jdbc.sql("SELECT id FROM users WHERE email = ?").param(email)
                .query(String.class).single());
        List<Map<String, Object>> recorded = jdbc.sql("""
                        SELECT user_id, email_hash, ip_address, step, outcome FROM login_attempts
                        WHERE user_id = ? ORDER BY id""")
                .param(userId.toString()).query().listOfRows();
        assertThat(recorded).extracting(row -> row.get("outcome"))
                .containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "BLOCKED", "BLOCKED",
                        "PASSWORD_OK");
        assertThat(recorded).allSatisfy(row -> {
            assertThat(row.get("email_hash")).as("the user id is enough").isNull();
            assertThat(row.get("step")).isEqualTo("PASSWORD");
        });
        assertThat(recorded.getFirst().get("ip_address")).isEqualTo(address);
    }

    @Test
    void manyFailuresFromOneAddressSlowThatAddressDownButNotOthers() {
        String address = uniqueAddress();
        for (int i = 0; i < 20; i++) {
            logins.logIn("onbekend-" + UUID.randomUUID() + "@example.org", "geraden wachtwoord " + i, address);
        }
        String email = staffAccount();

        assertThat(logins.logIn(email, PASSWORD, address)).isInstanceOf(LoginResult.Throttled.class);
        assertThat(logins.logIn(email, PASSWORD, uniqueAddress())).isInstanceOf(LoginResult.EnrolmentNeeded.class);

        clock.advance(Duration.ofSeconds(61));
        assertThat(logins.logIn(email, PASSWORD, address)).isInstanceOf(LoginResult.EnrolmentNeeded.class);
        List<Map<String, Object>> unknown = jdbc.sql("""
                        SELECT user_id, email_hash FROM login_attempts WHERE ip_address = ? AND user_id IS NULL""")
                .param(address).query().listOfRows();
        assertThat(unknown).hasSize(20).allSatisfy(row -> assertThat((String) row.get("email_hash")).hasSize(64));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_attempts WHERE email_hash LIKE '%@%' OR ip_address LIKE '%@%'")
                .query(Integer.class).single()).as("no address in plain anywhere").isZero();
    }

    @Test
    void parallelWrongPasswordsAreCheckedNoMoreOftenThanTheLimit() throws Exception {
        String email = staffAccount();

        List<LoginResult> results = inParallel(30, i -> logins.logIn(email, "fout wachtwoord nummer " + i,
                uniqueAddress()));

        long checked = results.stream().filter(LoginResult.Failed.class::isInstance).count();
        assertThat(checked).as("passwords actually checked").isEqualTo(5);
        assertThat(results).filteredOn(LoginResult.Throttled.class::isInstance).hasSize(25);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM login_attempts a JOIN users u ON u.id = a.user_id
                        WHERE u.email = ? AND a.outcome = 'FAILURE'""")
                .param(email).query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void parallelWrongCodesAreCheckedNoMoreOftenThanTheLimit() throws Exception {
        String email = staffAccount();
        byte[] secret = enrol(email);
        PendingLogin pending = ((LoginResult.SecondFactorNeeded) logins.logIn(email, PASSWORD, uniqueAddress()))
                .pending();
        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofHours(3)));

        List<LoginResult> results = inParallel(30, i -> logins.secondFactor(pending, wrong, uniqueAddress()));

        assertThat(results).filteredOn(LoginResult.Failed.class::isInstance).as("codes actually checked").hasSize(5);
        assertThat(results).filteredOn(LoginResult.LoggedIn.class::isInstance).isEmpty();
    }

    @Test
    void typedAddressesAreStoredAsKeyedHashesAndAttemptsAreForgottenAfterThirtyDays() throws Exception {
        String address = uniqueAddress();
        String typed = "onbekend-" + UUID.randomUUID() + "@example.org";
        logins.logIn(typed, "geraden wachtwoord", address);

        String stored = jdbc.sql("SELECT email_hash FROM login_attempts WHERE ip_address = ?").param(address)
                .query(String.class).single();
        String plainSha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stored).as("a list of addresses cannot be tested against it").hasSize(64)
                .isNotEqualTo(plainSha256);

        clock.advance(Duration.ofDays(30).minusMinutes(1));
        purge.purge();
        assertThat(attemptsFrom(address)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        purge.purge();
        assertThat(attemptsFrom(address)).as("after 30 days").isZero();
    }

    private int attemptsFrom(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM login_attempts WHERE ip_address = ?").param(address)
                .query(Integer.class).single();
    }

    @Test
    void loggingInGivesTheSessionANewIdAndKeepsWhatWasInIt() {
        LoginResult result = logins.logIn(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client", uniqueAddress());
        AuthenticatedAccount account = ((LoginResult.LoggedIn) result).account();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        MockHttpSession session = new MockHttpSession();
        VisitorToken token = VisitorToken.generate();
        session.setAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE, token);
        request.setSession(session);
        // as from a browser that sent its session cookie
        request.setRequestedSessionId(session.getId());
        request.setRequestedSessionIdValid(true);
        String before = session.getId();

        sessions.logIn(account, request, new MockHttpServletResponse());

        assertThat(request.getSession().getId()).isNotEqualTo(before);
        assertThat(request.getSession().getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE)).isEqualTo(token);
        assertThat(request.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY))
                .isInstanceOfSatisfying(SecurityContext.class, context ->
                        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
                                .containsExactly("ROLE_CLIENT"));
    }

    @Test
    void loggingOutEndsTheSessionAndGivesTheBrowserAFreshVisitorCookie() throws Exception {
        LoginResult result = logins.logIn(DemoAccountProperties.CLIENT_EMAIL, "spiegel-demo-client", uniqueAddress());
        MockHttpServletRequest login = new MockHttpServletRequest("POST", "/");
        MockHttpSession session = new MockHttpSession();
        login.setSession(session);
        sessions.logIn(((LoginResult.LoggedIn) result).account(), login, new MockHttpServletResponse());
        MockHttpSession loggedIn = (MockHttpSession) login.getSession();
        assertThat(mvc.perform(get("/account").session(loggedIn)).andReturn().getResponse().getRedirectedUrl())
                .as("the account page is open while logged in").isNull();

        MvcResult logout = mvc.perform(post("/logout").session(loggedIn).with(csrf())).andReturn();

        assertThat(loggedIn.isInvalid()).isTrue();
        assertThat(logout.getResponse().getStatus()).isEqualTo(302);
        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(logout.getResponse().getHeaders("Set-Cookie"))
                .anyMatch(cookie -> cookie.startsWith(VisitorCookieFilter.COOKIE + "=") && cookie.contains("HttpOnly"))
                .anyMatch(cookie -> cookie.startsWith("JSESSIONID=") && cookie.contains("Max-Age=0"));
        MvcResult after = mvc.perform(get("/account")).andReturn();
        assertThat(after.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void pagesThatNeedALoginSendAnonymousBrowsersToTheLoginPage() throws Exception {
        for (String path : List.of("/account", "/therapist")) {
            HttpResponse<Void> response = send(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        assertThat(send("/login").statusCode()).isEqualTo(200);
        assertThat(send("/register").statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/login", "/styles/spiegel.css", "/does-not-exist")) {
            HttpResponse<Void> response = send(path);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                            "base-uri 'self'", "form-action 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy")).as(path).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("camera=()", "microphone=()", "geolocation=()"));
            assertThat(headers.firstValue("Strict-Transport-Security")).as("%s over plain http", path).isEmpty();
        }
    }

    @Test
    void overHttpsBrowsersAreToldToStayOnHttps() throws Exception {
        MvcResult secure = mvc.perform(get("/login").secure(true)).andReturn();

        assertThat(secure.getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=31536000").contains("includeSubDomains");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security"))
                .isNull();
    }

    @Test
    void aVisitorCookieTheServerNeverIssuedIsReplacedAndNeverOpensAnything() throws Exception {
        VisitorToken planted = VisitorToken.generate();

        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", VisitorCookieFilter.COOKIE + "=" + planted.value()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().allValues("Set-Cookie")).as("the browser gets a cookie of the server's own")
                .anyMatch(cookie -> cookie.startsWith(VisitorCookieFilter.COOKIE + "=")
                        && !cookie.contains(planted.value()));

        MvcResult page = visitorMvc().perform(get("/login")
                .cookie(new jakarta.servlet.http.Cookie(VisitorCookieFilter.COOKIE, planted.value()))).andReturn();
        VisitorToken used = (VisitorToken) page.getRequest().getSession()
                .getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE);
        assertThat(used).as("the token the pages work with").isNotNull().isNotEqualTo(planted);
        visitors.resolve(used);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE visitor_token_hash = ?").param(planted.hash())
                .query(Integer.class).single()).as("no visitor behind the planted value").isZero();
    }

    @Test
    void aVisitorCookieTheServerIssuedIsKept() throws Exception {
        VisitorToken issued = VisitorToken.generate();
        Visitor visitor = visitors.resolve(issued);

        MvcResult page = visitorMvc().perform(get("/login")
                .cookie(new jakarta.servlet.http.Cookie(VisitorCookieFilter.COOKIE, issued.value()))).andReturn();

        assertThat(page.getRequest().getSession().getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE))
                .isEqualTo(issued);
        assertThat(visitors.resolve(issued)).isEqualTo(visitor);
        assertThat(page.getResponse().getHeaders("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith(VisitorCookieFilter.COOKIE + "="));
    }

    @Test
    void overHttpsTheVisitorCookieCarriesTheHostPrefixAndThePlainNameIsIgnored() throws Exception {
        VisitorToken planted = VisitorToken.generate();

        MvcResult page = visitorMvc().perform(get("/login").secure(true)
                .cookie(new jakarta.servlet.http.Cookie(VisitorCookieFilter.COOKIE, planted.value()))).andReturn();

        assertThat(page.getResponse().getHeaders("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("__Host-SPIEGEL_VISITOR=")
                        .contains("Secure", "Path=/", "HttpOnly").doesNotContain("Domain", planted.value()));
        assertThat(page.getRequest().getSession().getAttribute(VisitorCookieFilter.SESSION_ATTRIBUTE))
                .isNotEqualTo(planted);
    }

    /** MockMvc with the visitor cookie filter, which is a plain servlet filter outside Spring Security's chain. */
    private MockMvc visitorMvc() {
        return MockMvcBuilders.webAppContextSetup(context).addFilters(visitorCookieFilter.getFilter())
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNoConfiguredProxyAreIgnored() throws Exception {
        // the test connects from 127.0.0.1, which Tomcat trusted as a proxy by default, like every private address
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", "203.0.113.66").header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("not taken for https").isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).as("not taken for https")
                .noneMatch(cookie -> cookie.startsWith(VisitorCookieFilter.SECURE_COOKIE));
        assertThat(((TomcatWebServer) server.getWebServer()).getTomcat().getEngine().getPipeline().getValves())
                .as("the forwarded-header support itself is on").anyMatch(RemoteIpValve.class::isInstance);
    }

    @Test
    void aStaffLoginEndsAfterTwelveHoursAndAClientLoginAfterADayHoweverActiveTheBrowserIs() {
        MockHttpSession staffSession = loggedIn(new AuthenticatedAccount(UserId.random(), OrganisationId.DEFAULT,
                Role.THERAPIST, "t@example.org", "T"));
        MockHttpSession clientSession = loggedIn(new AuthenticatedAccount(UserId.random(), OrganisationId.DEFAULT,
                Role.CLIENT, "c@example.org", ""));

        clock.advance(Duration.ofHours(12).minusMinutes(1));
        loggedInSessions.endExpired();
        assertThat(staffSession.isInvalid()).isFalse();

        clock.advance(Duration.ofMinutes(2));
        loggedInSessions.endExpired();
        assertThat(staffSession.isInvalid()).as("staff after 12 hours").isTrue();
        assertThat(clientSession.isInvalid()).isFalse();

        clock.advance(Duration.ofHours(12));
        loggedInSessions.endExpired();
        assertThat(clientSession.isInvalid()).as("clients after 24 hours").isTrue();
    }

    @Test
    void changingTheRoleOfAnAccountEndsEverySessionOfIt() {
        String email = staffAccount();
        StaffMember member = staff.find(UserId.parse(jdbc.sql("SELECT id FROM users WHERE email = ?").param(email)
                .query(String.class).single())).orElseThrow();
        AuthenticatedAccount account = new AuthenticatedAccount(member.userId(), member.organisationId(),
                Role.THERAPIST, email, "T");
        MockHttpSession laptop = loggedIn(account);
        MockHttpSession phone = loggedIn(account);
        MockHttpSession somebodyElse = loggedIn(new AuthenticatedAccount(UserId.random(), OrganisationId.DEFAULT,
                Role.THERAPIST, "x@example.org", "X"));

        staff.changeRole(member.userId(), Role.ORG_ADMIN);

        assertThat(laptop.isInvalid()).isTrue();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(somebodyElse.isInvalid()).isFalse();
        assertThat(staff.find(member.userId())).hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.ORG_ADMIN));
    }

    @Test
    void openTabsDoNotKeepAnIdleSessionAliveAndSessionIdsNeverTravelInUrls() throws Exception {
        assertThat(send("/login").statusCode()).isEqualTo(200);

        // the container only rewrites URLs with ;jsessionid= (and only reads it from them) when URL tracking is on
        assertThat(server.getServletContext().getEffectiveSessionTrackingModes())
                .containsExactly(jakarta.servlet.SessionTrackingMode.COOKIE);
        com.vaadin.flow.server.VaadinServlet vaadin = context.getBeansOfType(
                        org.springframework.boot.web.servlet.ServletRegistrationBean.class).values().stream()
                .map(org.springframework.boot.web.servlet.ServletRegistrationBean::getServlet)
                .filter(com.vaadin.flow.server.VaadinServlet.class::isInstance)
                .map(com.vaadin.flow.server.VaadinServlet.class::cast).findFirst().orElseThrow();
        assertThat(vaadin.getService().getDeploymentConfiguration().isCloseIdleSessions())
                .as("heartbeats of open tabs do not count as activity").isTrue();
    }

    private MockHttpSession loggedIn(AuthenticatedAccount account) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        sessions.logIn(account, request, new MockHttpServletResponse());
        return (MockHttpSession) request.getSession();
    }

    @Test
    void theServerCannotBeReachedFromOtherComputers() throws Exception {
        InetAddress bound = (InetAddress) ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector()
                .getProperty("address");
        assertThat(bound).as("server.address").isNotNull().matches(InetAddress::isLoopbackAddress);
        // what another computer would see: this machine's own network addresses do not answer
        List<InetAddress> outside = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        for (InetAddress address : outside) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 2000))
                        .as("port %d on %s", port, address).isInstanceOf(java.io.IOException.class);
            }
        }
        assertThat(send("/login").statusCode()).as("this computer still can").isEqualTo(200);
    }

    private HttpResponse<Void> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The same call from many threads at once, released together. */
    private static <T> List<T> inParallel(int times, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sets up the authenticator app of a new staff account, as on the first login; returns the secret. */
    private byte[] enrol(String email) {
        PendingLogin enrolment = ((LoginResult.EnrolmentNeeded) logins.logIn(email, PASSWORD, uniqueAddress()))
                .pending();
        byte[] secret = Base32.decode(logins.enrolment(enrolment).secret());
        assertThat(logins.confirmEnrolment(enrolment, Totp.code(secret, clock.instant()), uniqueAddress()))
                .isInstanceOf(LoginResult.LoggedIn.class);
        clock.advance(Duration.ofSeconds(30));
        return secret;
    }

    private String staffAccount() {
        String email = "staf-" + UUID.randomUUID() + "@example.org";
        staff.create(email, PASSWORD, "Test Medewerker", Role.THERAPIST, OrganisationId.DEFAULT);
        return email;
    }

    private static String uniqueAddress() {
        return "198.51.100." + (int) (Math.random() * 250) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
