package nl.spiegel.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo accounts, one per role, so every part of the app can be tried without an admin screen. Never in production:
 * the {@code prod} profile refuses to start when they are enabled.
 *
 * @param enabled                create the demo accounts at start-up
 * @param clientPassword         password of {@code client@spiegel.local}
 * @param therapistPassword      password of {@code therapeut@spiegel.local}
 * @param orgAdminPassword       password of {@code beheerder@spiegel.local}
 * @param platformAdminPassword  password of {@code platform@spiegel.local}
 * @param totpSecret             base32 TOTP secret of the demo staff accounts, published in the README so testers can
 *                               add it to an authenticator app
 */
@ConfigurationProperties("spiegel.demo-accounts")
public record DemoAccountProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("spiegel-demo-client") String clientPassword,
                                    @DefaultValue("spiegel-demo-therapeut") String therapistPassword,
                                    @DefaultValue("spiegel-demo-beheerder") String orgAdminPassword,
                                    @DefaultValue("spiegel-demo-platform") String platformAdminPassword,
                                    @DefaultValue(DEMO_TOTP_SECRET) String totpSecret) {

    /** The published demo secret: for development and testing only. */
    public static final String DEMO_TOTP_SECRET = "SPIEGELDEMOSECRETFORTESTERSONLY2";

    public static final String CLIENT_EMAIL = "client@spiegel.local";
    public static final String THERAPIST_EMAIL = "therapeut@spiegel.local";
    public static final String ORG_ADMIN_EMAIL = "beheerder@spiegel.local";
    public static final String PLATFORM_ADMIN_EMAIL = "platform@spiegel.local";

    @Override
    public String toString() {
        return "DemoAccountProperties[enabled=" + enabled + ", passwords and secret hidden]";
    }
}
