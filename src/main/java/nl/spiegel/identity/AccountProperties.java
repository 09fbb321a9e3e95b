package nl.spiegel.identity;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registered accounts.
 *
 * @param publicUrl                  where people reach Spiegel; links in e-mails start with it (never taken from the
 *                                   request, so a forged Host header cannot redirect a reset link)
 * @param passwordMinLength          shortest password accepted (NIST SP 800-63B: at least 8; Spiegel uses 12)
 * @param verificationLinkValidity   how long an e-mail confirmation link works
 * @param resetLinkValidity          how long a password reset link works
 * @param mailsPerHour               most account e-mails (confirmation, reset) sent for one account or address per hour
 */
@ConfigurationProperties("spiegel.accounts")
public record AccountProperties(@DefaultValue("http://localhost:8080") URI publicUrl,
                                @DefaultValue("12") int passwordMinLength,
                                @DefaultValue("24h") Duration verificationLinkValidity,
                                @DefaultValue("30m") Duration resetLinkValidity,
                                @DefaultValue("5") int mailsPerHour) {

    /** An absolute link to a page of the app. */
    public String link(String pathAndQuery) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + pathAndQuery;
    }
}
