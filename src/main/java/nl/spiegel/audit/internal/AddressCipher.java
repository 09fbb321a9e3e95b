package nl.spiegel.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import nl.spiegel.shared.crypto.FieldCipher;

/**
 * Encrypts a network address with the actor's own random key, in the one format of {@link FieldCipher} (key id
 * {@value #PERSON_KEY_ID}), bound to the actor's pseudonym. Not for secrecy from administrators, who read it back:
 * forgetting a person deletes the key and so makes their addresses unreadable ("crypto-shredding") without changing an
 * audit row. The person keys are stored wrapped by the application's key ring ({@link AuditEncryptedColumns}).
 *
 * <p>Entries written before this format (nonce first, then ciphertext) cannot be rewritten (the trail is
 * append-only) and are still read.
 */
final class AddressCipher {

    static final int KEY_LENGTH = 32;
    static final String PURPOSE = "audit_events.client_address";
    static final String PERSON_KEY_ID = "person";
    private static final int LEGACY_NONCE_LENGTH = 12;
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
        return FieldCipher.withOwnKey(PERSON_KEY_ID, key).encryptValue(PURPOSE, pseudonym,
                address.getBytes(StandardCharsets.UTF_8));
    }

    /** The address, or null when it cannot be read (no key any more, or not written with this key). */
    static String decrypt(byte[] stored, byte[] key, String pseudonym) {
        if (stored == null || key == null || pseudonym == null) {
            return null;
        }
        try {
            if (PERSON_KEY_ID.equals(FieldCipher.keyIdOf(stored))) {
                return new String(FieldCipher.withOwnKey(PERSON_KEY_ID, key).decryptValue(PURPOSE, pseudonym, stored),
                        StandardCharsets.UTF_8);
            }
        } catch (FieldCipher.DecryptionException notThisFormat) {
            // an entry from before the one format, whose random nonce happened to look like its header
        }
        return decryptLegacy(stored, key, pseudonym);
    }

    private static String decryptLegacy(byte[] stored, byte[] key, String pseudonym) {
        if (stored.length <= LEGACY_NONCE_LENGTH) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, stored, 0, LEGACY_NONCE_LENGTH));
            cipher.updateAAD(pseudonym.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(stored, LEGACY_NONCE_LENGTH, stored.length - LEGACY_NONCE_LENGTH),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
