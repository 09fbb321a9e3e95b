package nl.spiegel.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The random secret in a visitor's cookie. Only its SHA-256 hash is stored, so a database leak does not hand out
 * working cookies.
 */
public record VisitorToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public VisitorToken {
        Objects.requireNonNull(value);
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a visitor token");
        }
    }

    public static VisitorToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new VisitorToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public String hash() {
        return DigestUtils.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "VisitorToken[hidden]";
    }
}
