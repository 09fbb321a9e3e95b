package nl.spiegel.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo accounts, one per role, so every part of the app can be tried without an admin screen. Opt-in (the {@code dev}
 * profile switches them on); when they are off, any that exist are deleted at start-up. Never in production: the
 * {@code prod} profile refuses to start when they are enabled or while one exists in the database.
 *
 * @param enabled                create the demo accounts at start-up (off: delete them)
 * @param clientPassword         password of {@code client@spiegel.local}
 * @param therapistPassword      password of {@code therapeut@spiegel.local}
 * @param orgAdminPassword       password of {@code beheerder@spiegel.local}
 * @param platformAdminPassword  password of {@code platform@spiegel.local}
 * @param contentEditorPassword  password of {@code redacteur@spiegel.local}
 * @param totpSecret             base32 TOTP secret of the demo staff accounts, published in the README so testers can
 *                               add it to an authenticator app
 */
@ConfigurationProperties("spiegel.demo-accounts")
public record DemoAccountProperties(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("spiegel-demo-client") String clientPassword,
                                    @DefaultValue("spiegel-demo-therapeut") String therapistPassword,
                                    @DefaultValue("spiegel-demo-beheerder") String orgAdminPassword,
                                    @DefaultValue("spiegel-demo-platform") String platformAdminPassword,
                                    @DefaultValue("spiegel-demo-redacteur") String contentEditorPassword,
                                    @DefaultValue(DEMO_TOTP_SECRET) String totpSecret) {

    /** The published demo secret: for development and testing only. */
    public static final String DEMO_TOTP_SECRET = "SPIEGELDEMOSECRETFORTESTERSONLY2";

    public static final String CLIENT_EMAIL = "client@spiegel.local";
    public static final String THERAPIST_EMAIL = "therapeut@spiegel.local";
    public static final String ORG_ADMIN_EMAIL = "beheerder@spiegel.local";
    public static final String PLATFORM_ADMIN_EMAIL = "platform@spiegel.local";
    public static final String CONTENT_EDITOR_EMAIL = "redacteur@spiegel.local";

    /** The addresses of all demo accounts; nobody else can have them (.local cannot receive a confirmation mail). */
    public static final List<String> EMAILS =
            List.of(CLIENT_EMAIL, THERAPIST_EMAIL, ORG_ADMIN_EMAIL, PLATFORM_ADMIN_EMAIL, CONTENT_EDITOR_EMAIL);

    @Override
    public String toString() {
        return "DemoAccountProperties[enabled=" + enabled + ", passwords and secret hidden]";
    }
}
