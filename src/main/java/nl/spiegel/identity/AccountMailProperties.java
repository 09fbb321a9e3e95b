package nl.spiegel.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account e-mails. The SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from sender of account e-mails, for example {@code Spiegel <noreply@example.org>}
 */
@ConfigurationProperties("spiegel.mail")
public record AccountMailProperties(@DefaultValue("Spiegel <noreply@spiegel.local>") String from) {
}
