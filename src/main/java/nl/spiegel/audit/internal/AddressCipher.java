package nl.spiegel.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a network address with the actor's own random key (AES-GCM, 96-bit nonce first). Not for secrecy from
 * administrators, who read it back: forgetting a person deletes the key and so makes their addresses unreadable
 * ("crypto-shredding") without changing an audit row.
 */
final class AddressCipher {

    static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AddressCipher() {
    }

    static byte[] newKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    static byte[] encrypt(String address, byte[] key, String pseudonym) {
        try {
            byte[] nonce = new byte[NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(pseudonym.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(address.getBytes(StandardCharsets.UTF_8));
            byte[] stored = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_LENGTH, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The address, or null when it cannot be read (no key any more, or not written with this key). */
    static String decrypt(byte[] stored, byte[] key, String pseudonym) {
        if (stored == null || key == null || pseudonym == null || stored.length <= NONCE_LENGTH) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_LENGTH));
            cipher.updateAAD(pseudonym.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(stored, NONCE_LENGTH, stored.length - NONCE_LENGTH),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
