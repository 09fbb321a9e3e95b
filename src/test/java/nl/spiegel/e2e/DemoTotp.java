package nl.spiegel.e2e;

import java.time.Instant;

import nl.spiegel.identity.Base32;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Totp;

/**
 * Codes for the demo staff accounts, computed from the published demo secret, as a tester's authenticator app would.
 * A code works once, so a second login in the same 30-second step waits for the next one.
 */
final class DemoTotp {

    private static final byte[] SECRET = Base32.decode(DemoAccountProperties.DEMO_TOTP_SECRET);
    private static long lastStep = Long.MIN_VALUE;

    private DemoTotp() {
    }

    static synchronized String nextCode() {
        while (Totp.step(Instant.now()) <= lastStep) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Instant now = Instant.now();
        lastStep = Totp.step(now);
        return Totp.code(SECRET, now);
    }

    /** A code that is certainly not accepted now: the one of ten minutes ago. */
    static String wrongCode() {
        return Totp.code(SECRET, Instant.now().minusSeconds(600));
    }
}
