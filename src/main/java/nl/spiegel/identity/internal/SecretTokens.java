package nl.spiegel.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/** Random link tokens (256 bits, URL-safe) and the SHA-256 hashes stored instead of them. */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SecretTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isWellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    public static String sha256(String value) {
        return DigestUtils.sha256Hex(value);
    }
}
