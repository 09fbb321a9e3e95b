package nl.spiegel.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param anonymousInactiveAfter an anonymous user (no e-mail address) not seen for longer than this is deleted, with
 *                               everything they wrote; also shown on the privacy page
 * @param cron                   when the retention job runs (Spring cron, server time); {@code -} switches it off
 */
@ConfigurationProperties("spiegel.retention")
public record RetentionProperties(@DefaultValue("P90D") Duration anonymousInactiveAfter,
                                  @DefaultValue("0 17 3 * * *") String cron) {

    public RetentionProperties {
        if (anonymousInactiveAfter.isNegative() || anonymousInactiveAfter.isZero()) {
            throw new IllegalArgumentException("spiegel.retention.anonymous-inactive-after must be positive");
        }
    }

    /** Whole days, for the privacy page. */
    public long anonymousInactiveDays() {
        return anonymousInactiveAfter.toDays();
    }
}
