package nl.spiegel.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt only reads the first 72 bytes of a password and Spring refuses longer ones. Passwords longer than that (a
 * long sentence, or a few non-Latin characters) are condensed to a 44-character HMAC-SHA256 digest first, so every
 * character counts. Shorter passwords go to bcrypt unchanged, which keeps existing hashes valid.
 */
final class LongPasswordEncoder implements PasswordEncoder {

    static final int BCRYPT_MAX_BYTES = 72;
    private static final byte[] LABEL = "spiegel-long-password".getBytes(StandardCharsets.US_ASCII);

    private final PasswordEncoder delegate;

    LongPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(condense(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(condense(rawPassword), encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    static CharSequence condense(CharSequence rawPassword) {
        if (rawPassword == null) {
            return null;
        }
        byte[] bytes = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return rawPassword;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LABEL, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
