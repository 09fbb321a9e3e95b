package nl.spiegel.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in this JVM, in its own small application
 * context with its own Tomcat on a random port of 127.0.0.1 (OIDC discovery, JWKS, authorization and token endpoints,
 * end-session endpoint), Spring Security's form login for its users, and one confidential client for Spiegel that
 * returns to {@code {app}/login/oauth2/code/{slug}} and, after logging out, to {@code {app}/}. What each user's ID token
 * says beyond the standard claims is up to the test ({@code idTokenClaims}). Close it to stop the server.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String PASSWORD = "provider-wachtwoord";

    private final String app;
    private final String slug;
    private final String clientId;
    private final String clientSecret;
    private final List<String> users;
    private final BiConsumer<String, JwtClaimsSet.Builder> idTokenClaims;
    private final boolean framable;
    private final RSAKey key;
    private final AnnotationConfigServletWebServerApplicationContext context;

    private TestOidcProvider(String app, String slug, String clientId, String clientSecret, List<String> users,
                             BiConsumer<String, JwtClaimsSet.Builder> idTokenClaims, boolean framable) {
        this.app = app;
        this.slug = slug;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.users = List.copyOf(users);
        this.idTokenClaims = idTokenClaims;
        this.framable = framable;
        this.key = newKey();
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(TestOidcProvider.class, () -> this);
        context.register(ProviderConfiguration.class);
        context.refresh();
    }

    /**
     * Starts the provider.
     *
     * @param app           Spiegel's origin as the browser sees it, e.g. {@code http://localhost:8080}
     * @param slug          the organisation whose client this is (its redirect address ends in it)
     * @param users         who can log in at the provider, all with {@link #PASSWORD}
     * @param idTokenClaims adds claims to (or spoils) the ID token of the named user
     */
    public static TestOidcProvider start(String app, String slug, String clientId, String clientSecret,
                                         List<String> users, BiConsumer<String, JwtClaimsSet.Builder> idTokenClaims) {
        return new TestOidcProvider(app, slug, clientId, clientSecret, users, idTokenClaims, false);
    }

    /**
     * Starts a provider whose login form may be shown inside a portal's frame: no {@code X-Frame-Options}, and its
     * session cookie {@code SameSite=None; Secure}, because a browser keeps a {@code SameSite=Lax} cookie from a
     * response reached by a cross-site redirect only in a full window (Chromium treats http://127.0.0.1 as secure;
     * Java's HTTP client does not, so {@link #start} is the one for tests without a browser).
     */
    public static TestOidcProvider startFramable(String app, String slug, String clientId, String clientSecret,
                                                 List<String> users,
                                                 BiConsumer<String, JwtClaimsSet.Builder> idTokenClaims) {
        return new TestOidcProvider(app, slug, clientId, clientSecret, users, idTokenClaims, true);
    }

    /** A new RSA signing key, with a random key id. */
    public static RSAKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer, also the base of every endpoint: {@code http://127.0.0.1:port}. */
    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** The key the provider signs its tokens with (a test can sign a logout token as the provider would). */
    public RSAKey key() {
        return key;
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The provider's beans. Deliberately not a {@code @Configuration}: it is registered by hand in the provider's own
     * context, and component scanning of the application's test contexts must never pick it up.
     */
    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        TomcatServletWebServerFactory providerServer(TestOidcProvider provider) throws IOException {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(InetAddress.getByName("127.0.0.1"));
            // every endpoint is a filter; Tomcat only runs filters for a request some servlet takes
            factory.setRegisterDefaultServlet(true);
            if (provider.framable) {
                factory.addContextCustomizers(context -> {
                    Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
                    cookies.setSameSiteCookies("None");
                    context.setCookieProcessor(cookies);
                });
                factory.addInitializers(servletContext -> servletContext.getSessionCookieConfig().setSecure(true));
            }
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http, TestOidcProvider provider) throws Exception {
            OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .headers(headers -> framable(headers, provider))
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain login(HttpSecurity http, TestOidcProvider provider) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .headers(headers -> framable(headers, provider))
                    .formLogin(Customizer.withDefaults()).build();
        }

        /** Many providers refuse to be framed (then people use the login in a full window); this one may allow it. */
        private static void framable(HeadersConfigurer<HttpSecurity> headers, TestOidcProvider provider) {
            if (provider.framable) {
                headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable);
            }
        }

        @Bean
        UserDetailsService users(TestOidcProvider provider) {
            return new InMemoryUserDetailsManager(provider.users.stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(TestOidcProvider provider) {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(provider.clientId).clientSecret("{noop}" + provider.clientSecret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(provider.app + "/login/oauth2/code/" + provider.slug)
                    .postLogoutRedirectUri(provider.app + "/")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> jwkSource(TestOidcProvider provider) {
            return new ImmutableJWKSet<>(new JWKSet(provider.key));
        }

        @Bean
        JwtDecoder jwtDecoder(TestOidcProvider provider) throws Exception {
            return NimbusJwtDecoder.withPublicKey(provider.key.toRSAPublicKey()).build();
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokens(TestOidcProvider provider) {
            return context -> {
                if ("id_token".equals(context.getTokenType().getValue())) {
                    provider.idTokenClaims.accept(context.getPrincipal().getName(), context.getClaims());
                }
            };
        }
    }
}
