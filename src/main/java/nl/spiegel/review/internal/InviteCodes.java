package nl.spiegel.review.internal;

import java.security.SecureRandom;
import java.util.Locale;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Invite codes: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of five,
 * about 50 bits of chance; easy to read out in a session or over the phone. Only the SHA-256 hash is stored.
 */
public final class InviteCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The hash of a code as typed: spaces, dashes and case do not matter. */
    public static String hash(String typed) {
        String normalised = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return DigestUtils.sha256Hex(normalised);
    }
}
