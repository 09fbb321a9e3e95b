package nl.spiegel.identity;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) on top of HOTP (RFC 4226). Spiegel uses what every authenticator app
 * understands: HMAC-SHA1, 6 digits, 30-second steps, and accepts the step before and after the current one for
 * clocks that are a little off. The other algorithms are here for the RFC's test vectors.
 */
public final class Totp {

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String mac;

        Algorithm(String mac) {
            this.mac = mac;
        }
    }

    public static final int DIGITS = 6;
    public static final long PERIOD_SECONDS = 30;
    /** Steps accepted on either side of the current one. */
    public static final int ALLOWED_DRIFT = 1;
    public static final int SECRET_BYTES = 20;

    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** The 30-second step a moment falls in. */
    public static long step(Instant moment) {
        return Math.floorDiv(moment.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for a moment, as an authenticator app shows it. */
    public static String code(byte[] secret, Instant moment) {
        return code(secret, step(moment), DIGITS, Algorithm.SHA1);
    }

    /** HOTP of the step counter with dynamic truncation (RFC 4226 section 5.3), left-padded with zeros. */
    public static String code(byte[] secret, long step, int digits, Algorithm algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(secret, algorithm.mac));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            long otp = binary % pow10(digits);
            StringBuilder text = new StringBuilder(Long.toString(otp));
            while (text.length() < digits) {
                text.insert(0, '0');
            }
            return text.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /**
     * The step a typed code belongs to, if it is valid now (one step of drift either way) and newer than the last
     * step that was used: a code that worked once does not work again.
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now, long lastUsedStep) {
        if (typed == null) {
            return OptionalLong.empty();
        }
        String code = typed.replace(" ", "").replace("-", "");
        if (!CODE.matcher(code).matches()) {
            return OptionalLong.empty();
        }
        long current = step(now);
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - ALLOWED_DRIFT; step <= current + ALLOWED_DRIFT; step++) {
            byte[] expected = code(secret, step, DIGITS, Algorithm.SHA1).getBytes(StandardCharsets.US_ASCII);
            if (step > lastUsedStep && MessageDigest.isEqual(expected, given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The key URI authenticator apps read (Google Authenticator key URI format). */
    public static String otpauthUri(String issuer, String accountName, byte[] secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long pow10(int digits) {
        long result = 1;
        for (int i = 0; i < digits; i++) {
            result *= 10;
        }
        return result;
    }
}
