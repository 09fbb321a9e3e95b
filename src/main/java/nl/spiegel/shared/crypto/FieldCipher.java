package nl.spiegel.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal text for storage with AES-256-GCM. Every ciphertext carries the id of its key, so keys can be
 * rotated while old data stays readable. The {@code purpose} (for example {@code dialogue_messages.body}) is bound as
 * associated data: a ciphertext copied into another column does not decrypt.
 *
 * <p>Layout: {@code 'S' 1 | key id length | key id (ASCII) | 12-byte nonce | ciphertext with 16-byte tag}.
 */
public final class FieldCipher {

    private static final byte MAGIC = 'S';
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(KeyRing keys) {
        this.keys = keys;
    }

    public String activeKeyId() {
        return keys.activeKeyId();
    }

    public byte[] encrypt(String plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    public byte[] encrypt(byte[] plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        byte[] keyId = keys.activeKeyId().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.activeKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(3 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(MAGIC).put(FORMAT).put((byte) keyId.length).put(keyId).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * A keyed hash of a value (HMAC-SHA256, hex), for lookups on values that must not be stored readably, such as
     * typed e-mail addresses: without the key nobody can test a guessed value against it. The key is derived from the
     * active key and the purpose, so hashes change when the active key changes (fine for short-lived lookups).
     */
    public String keyedHash(String purpose, String value) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(keys.activeKey().getEncoded(), "HmacSHA256"));
            byte[] key = derive.doFinal(("spiegel keyed hash " + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    public String decryptToString(byte[] stored, String purpose) {
        byte[] plain = decrypt(stored, purpose);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /**
     * @throws DecryptionException when the key is unknown, the key is wrong or the data were changed; never returns
     *                             garbage
     */
    public byte[] decrypt(byte[] stored, String purpose) {
        if (stored == null) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        if (stored.length < 3 || in.get() != MAGIC || in.get() != FORMAT) {
            throw new DecryptionException("stored value is not in Spiegel's encrypted format");
        }
        int idLength = in.get();
        if (idLength <= 0 || in.remaining() < idLength + NONCE_BYTES) {
            throw new DecryptionException("stored value is truncated");
        }
        byte[] keyIdBytes = new byte[idLength];
        in.get(keyIdBytes);
        String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
        SecretKey key = keys.key(keyId).orElseThrow(() -> new DecryptionException(
                "no key '" + keyId + "' is configured; add it to spiegel.crypto.keys"));
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("decryption with key '" + keyId + "' failed: wrong key or changed data");
        }
    }

    /**
     * Reads a value stored next to its key-id column. A NULL key id marks plaintext written before encryption was
     * switched on: it is returned as it is (and stays readable until the key rotation encrypts it). Anything else is
     * decrypted, and fails loudly as {@link #decrypt} does.
     */
    public byte[] decryptStored(byte[] stored, String keyId, String purpose) {
        if (stored == null || keyId == null) {
            return stored;
        }
        return decrypt(stored, purpose);
    }

    /** {@link #decryptStored(byte[], String, String)} for UTF-8 text. */
    public String decryptStoredToString(byte[] stored, String keyId, String purpose) {
        byte[] plain = decryptStored(stored, keyId, purpose);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** The key id a stored value was encrypted with. */
    public static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length < 3 || stored[0] != MAGIC || stored[1] != FORMAT) {
            throw new DecryptionException("stored value is not in Spiegel's encrypted format");
        }
        return new String(stored, 3, stored[2], StandardCharsets.US_ASCII);
    }

    public static final class DecryptionException extends RuntimeException {
        public DecryptionException(String message) {
            super(message);
        }
    }
}
