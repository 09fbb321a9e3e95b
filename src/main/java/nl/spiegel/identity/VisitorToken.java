package nl.spiegel.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "VisitorToken[hidden]";
    }
}
