package nl.spiegel.organisation;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.organisation.internal.OrganisationEncryptedColumns;
import nl.spiegel.organisation.internal.SsoRepository;
import nl.spiegel.organisation.internal.SsoRepository.SsoRow;
import nl.spiegel.shared.crypto.FieldCipher;

/**
 * Single sign-on per organisation (OpenID Connect): what its admin configured, checked by discovery against the
 * provider before anything is saved, and the enabled provider of an organisation for the login itself. The client
 * secret is encrypted at rest with the field cipher, bound to the organisation id.
 *
 * <p>Like {@link OrganisationDirectory}, the changing method does not know who asks: only
 * {@code portal.OrganisationAdmin} calls it, after checking that the caller administers the organisation.
 */
@Service
public class SingleSignOn {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
    private static final Pattern CLAIM = Pattern.compile("^[A-Za-z0-9_.:/-]{1,100}$");
    private static final int MAX_FIELD = 255;
    private static final int MAX_ISSUER = 500;
    private static final int MAX_MAPPING = 2000;

    private final SsoRepository repository;
    private final OrganisationDirectory organisations;
    private final FieldCipher cipher;
    private final Clock clock;

    SingleSignOn(SsoRepository repository, OrganisationDirectory organisations, FieldCipher cipher, Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The organisation's settings for its admin, without the secret; empty when never set up. */
    @Transactional(readOnly = true)
    public Optional<SsoSettings> settings(OrganisationId organisation) {
        return repository.find(organisation).map(row -> new SsoSettings(row.organisation(), row.enabled(),
                row.issuer(), row.clientId(), row.clientSecret() != null, row.roleClaim(),
                parseMapping(row.roleMapping()), row.endSessionUri(), row.updatedAt()));
    }

    /**
     * Checks and saves the settings. The issuer is asked for its OpenID configuration first (discovery); when that
     * fails, or anything typed is not acceptable, an {@link OrganisationSettingsException} says what and nothing is
     * saved. Runs outside a transaction: the discovery is a network call, and the save is one statement.
     */
    public SsoSettings save(OrganisationId organisation, SsoChange change) {
        Optional<SsoRow> existing = repository.find(organisation);
        String issuer = checkedIssuer(change.issuer());
        String clientId = required(change.clientId(), "organisation.sso.error.client-id");
        String typedSecret = change.clientSecret() == null ? "" : change.clientSecret().strip();
        if (typedSecret.length() > MAX_FIELD) {
            throw new OrganisationSettingsException("organisation.sso.error.client-secret");
        }
        if (typedSecret.isEmpty() && existing.map(SsoRow::clientSecret).isEmpty()) {
            throw new OrganisationSettingsException("organisation.sso.error.client-secret");
        }
        String roleClaim = change.roleClaim() == null ? "" : change.roleClaim().strip();
        if (!roleClaim.isEmpty() && !CLAIM.matcher(roleClaim).matches()) {
            throw new OrganisationSettingsException("organisation.sso.error.claim");
        }
        List<SsoRoleRule> mapping = checkedMapping(change.roleMapping());

        ClientRegistration discovered = discover(issuer, clientId);
        ClientRegistration.ProviderDetails provider = discovered.getProviderDetails();
        Object endSession = provider.getConfigurationMetadata().get("end_session_endpoint");

        byte[] secret;
        String keyId;
        if (typedSecret.isEmpty()) {
            secret = existing.get().clientSecret();
            keyId = existing.get().clientSecretKeyId();
        } else {
            secret = cipher.encrypt(OrganisationEncryptedColumns.SSO_CLIENT_SECRET, organisation.toString(),
                    typedSecret);
            keyId = cipher.activeKeyId();
        }
        repository.save(new SsoRow(organisation, change.enabled(), issuer, clientId, secret, keyId,
                roleClaim.isEmpty() ? null : roleClaim, formatMapping(mapping), provider.getAuthorizationUri(),
                provider.getTokenUri(), provider.getJwkSetUri(), endSession == null ? null : endSession.toString(),
                clock.instant()));
        log.info("single sign-on of organisation {} saved (enabled: {})", organisation, change.enabled());
        return settings(organisation).orElseThrow();
    }

    /** The enabled provider of the organisation with this slug, for the login; empty when none is enabled. */
    @Transactional(readOnly = true)
    public Optional<SsoProvider> provider(String slug) {
        return organisations.bySlug(slug).flatMap(organisation -> repository.find(organisation.id())
                .filter(SsoRow::enabled)
                .map(row -> new SsoProvider(organisation.id(), organisation.slug(), row.issuer(), row.clientId(),
                        cipher.decryptToString(OrganisationEncryptedColumns.SSO_CLIENT_SECRET,
                                organisation.id().toString(), row.clientSecret(), row.clientSecretKeyId()),
                        row.authorizationUri(), row.tokenUri(), row.jwkSetUri(), row.endSessionUri(),
                        row.roleClaim(), parseMapping(row.roleMapping()))));
    }

    /** Whether the organisation with this slug has single sign-on switched on (for showing its login button). */
    @Transactional(readOnly = true)
    public boolean isEnabled(String slug) {
        return organisations.bySlug(slug).flatMap(organisation -> repository.find(organisation.id()))
                .filter(SsoRow::enabled).isPresent();
    }

    private static ClientRegistration discover(String issuer, String clientId) {
        try {
            return ClientRegistrations.fromOidcIssuerLocation(issuer).registrationId("discovery").clientId(clientId)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").build();
        } catch (RuntimeException failed) {
            // the message may quote the provider's answer; the admin gets the translated explanation
            log.info("OpenID discovery failed for an issuer: {}", failed.getClass().getSimpleName());
            log.debug("OpenID discovery failed", failed);
            throw new OrganisationSettingsException("organisation.sso.error.discovery", issuer);
        }
    }

    /**
     * https, or http only on this machine (development and tests): the issuer's tokens prove who somebody is, and
     * the discovery request is made by the server, so it should not be pointed at other plain-http hosts.
     */
    private static String checkedIssuer(String typed) {
        String issuer = typed == null ? "" : typed.strip();
        if (issuer.endsWith("/") && issuer.length() > 1) {
            issuer = issuer.substring(0, issuer.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(issuer);
        } catch (IllegalArgumentException notAUri) {
            throw new OrganisationSettingsException("organisation.sso.error.issuer");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        boolean acceptable = issuer.length() <= MAX_ISSUER && !host.isEmpty() && uri.getQuery() == null
                && uri.getFragment() == null && uri.getUserInfo() == null
                && (scheme.equals("https") || (scheme.equals("http") && loopback));
        if (!acceptable) {
            throw new OrganisationSettingsException("organisation.sso.error.issuer");
        }
        return issuer;
    }

    private static String required(String typed, String messageKey) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty() || value.length() > MAX_FIELD) {
            throw new OrganisationSettingsException(messageKey);
        }
        return value;
    }

    /** Lines {@code value=ROLE}; empty lines are skipped; the platform admin role is never accepted. */
    static List<SsoRoleRule> checkedMapping(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_MAPPING) {
            throw new OrganisationSettingsException("organisation.sso.error.mapping", 1);
        }
        List<SsoRoleRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            String value = equals < 0 ? "" : line.substring(0, equals).strip();
            String role = equals < 0 ? "" : line.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            if (value.isEmpty() || value.contains("\n") || !SsoRoleRule.ROLES.contains(role)) {
                throw new OrganisationSettingsException("organisation.sso.error.mapping", i + 1);
            }
            rules.add(new SsoRoleRule(value, role));
        }
        return rules;
    }

    private static List<SsoRoleRule> parseMapping(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return stored.lines().filter(line -> !line.isBlank()).map(line -> {
            int equals = line.lastIndexOf('=');
            return new SsoRoleRule(line.substring(0, equals), line.substring(equals + 1));
        }).toList();
    }

    private static String formatMapping(List<SsoRoleRule> rules) {
        return rules.isEmpty() ? null : String.join("\n", rules.stream().map(SsoRoleRule::toString).toList());
    }
}
