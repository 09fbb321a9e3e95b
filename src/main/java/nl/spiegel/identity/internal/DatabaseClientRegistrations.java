package nl.spiegel.identity.internal;

import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

import nl.spiegel.organisation.SingleSignOn;
import nl.spiegel.organisation.SsoProvider;

/**
 * The OAuth 2 client registrations are the organisations' enabled single sign-on settings in the database, with the
 * organisation's slug as registration id; a change on the admin screen counts from the next login. The endpoints were
 * found by discovery when the settings were saved, so a login asks the provider nothing beyond the login itself.
 */
final class DatabaseClientRegistrations implements ClientRegistrationRepository {

    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";

    private final SingleSignOn singleSignOn;

    DatabaseClientRegistrations(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return singleSignOn.provider(registrationId).map(DatabaseClientRegistrations::registration).orElse(null);
    }

    static ClientRegistration registration(SsoProvider provider) {
        return ClientRegistration.withRegistrationId(provider.slug())
                .clientName(provider.slug())
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .scope("openid", "profile", "email")
                // PKCE also for this confidential client: a code caught on its way back is useless without the verifier
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .issuerUri(provider.issuer())
                .authorizationUri(provider.authorizationUri())
                .tokenUri(provider.tokenUri())
                .jwkSetUri(provider.jwkSetUri())
                // no user-info endpoint: what Spiegel needs (sub, email, email_verified, the role claim) is read from
                // the signed ID token
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(provider.endSessionUri() == null ? Map.of()
                        : Map.of("end_session_endpoint", provider.endSessionUri()))
                .build();
    }
}
