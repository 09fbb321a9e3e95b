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
 * rotated while old data stays readable. Bound to it as associated data are the column ({@code table.column}, the
 * {@link EncryptedColumn#purpose()}) and the id of the row or of its owner ({@link EncryptedColumn#bindingColumn()}):
 * a ciphertext copied into another column, or into another person's row, does not decrypt.
 *
 * <p>Layout: {@code 'S' | format | key id length | key id (ASCII) | 12-byte nonce | ciphertext with 16-byte tag}.
 * Format 2 binds {@code purpose NUL binding}; format 1 (written before rows were bound) binds the purpose only and
 * is still read, until the key rotation rewrites it as format 2.
 */
public final class FieldCipher {

    private static final byte MAGIC = 'S';
    /** Bound to the column only: read, never written any more. */
    private static final byte FORMAT_COLUMN = 1;
    /** Bound to the column and the row (or owner) id. */
    private static final byte FORMAT_ROW = 2;
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

    /** Encrypts a value of the column for the row (or owner) with this id. */
    public byte[] encrypt(EncryptedColumn column, String binding, String plaintext) {
        return plaintext == null ? null : encrypt(column, binding, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Encrypts a value of the column for the row (or owner) with this id. */
    public byte[] encrypt(EncryptedColumn column, String binding, byte[] plaintext) {
        if (plaintext == null) {
            return null;
        }
        return seal(FORMAT_ROW, associatedData(FORMAT_ROW, column.purpose(), required(binding)), plaintext);
    }

    /**
     * Decrypts a value read together with its key-id column.
     *
     * @throws DecryptionException when the key id is missing (an encrypted column never holds plaintext: rows from
     *                             before encryption are encrypted by the key rotation), the key is unknown or wrong,
     *                             or the value was changed or belongs to another column or row; never returns garbage
     */
    public byte[] decrypt(EncryptedColumn column, String binding, byte[] stored, String keyId) {
        if (stored == null) {
            return null;
        }
        if (keyId == null) {
            throw new DecryptionException(column.purpose() + " holds a value without a key id; run the key rotation "
                    + "to encrypt values from before encryption");
        }
        return open(stored, column.purpose(), required(binding));
    }

    /** {@link #decrypt(EncryptedColumn, String, byte[], String)} for UTF-8 text. */
    public String decryptToString(EncryptedColumn column, String binding, byte[] stored, String keyId) {
        byte[] plain = decrypt(column, binding, stored, keyId);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /**
     * A cipher with one key of its own, in the same format, for values encrypted with a per-person key (the audit
     * trail's addresses, which become unreadable when that key is forgotten). The person keys themselves are stored
     * encrypted with the key ring, so they take part in the key rotation.
     */
    public static FieldCipher withOwnKey(String keyId, byte[] key) {
        return new FieldCipher(new KeyRing(java.util.Map.of(keyId, new SecretKeySpec(key, "AES")), keyId));
    }

    /** Encrypts a value that has no key-id column next to it (its key id is in the value), bound like a column's. */
    public byte[] encryptValue(String purpose, String binding, byte[] plaintext) {
        return seal(FORMAT_ROW, associatedData(FORMAT_ROW, purpose, required(binding)), plaintext);
    }

    /** Decrypts what {@link #encryptValue} made. */
    public byte[] decryptValue(String purpose, String binding, byte[] stored) {
        return stored == null ? null : open(stored, purpose, required(binding));
    }

    /** Column-only binding, for values that are not stored in a row (and for the tests of the format itself). */
    byte[] encrypt(String plaintext, String purpose) {
        return plaintext == null ? null
                : seal(FORMAT_COLUMN, associatedData(FORMAT_COLUMN, purpose, null),
                        plaintext.getBytes(StandardCharsets.UTF_8));
    }

    byte[] decrypt(byte[] stored, String purpose) {
        return stored == null ? null : open(stored, purpose, null);
    }

    String decryptToString(byte[] stored, String purpose) {
        byte[] plain = decrypt(stored, purpose);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    private byte[] seal(byte format, byte[] associatedData, byte[] plaintext) {
        byte[] keyId = keys.activeKeyId().getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.activeKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(3 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(MAGIC).put(format).put((byte) keyId.length).put(keyId).put(nonce).put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private byte[] open(byte[] stored, String purpose, String binding) {
        byte format = stored.length < 3 ? 0 : stored[1];
        if (stored.length < 3 || stored[0] != MAGIC || (format != FORMAT_COLUMN && format != FORMAT_ROW)) {
            throw new DecryptionException("stored value is not in Spiegel's encrypted format");
        }
        ByteBuffer in = ByteBuffer.wrap(stored, 2, stored.length - 2);
        if (format == FORMAT_ROW && binding == null) {
            throw new DecryptionException("a value bound to its row needs the row's id to be read");
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
            cipher.updateAAD(associatedData(format, purpose, binding));
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("decryption with key '" + keyId
                    + "' failed: wrong key, changed data, or data of another column or row");
        }
    }

    private static byte[] associatedData(byte format, String purpose, String binding) {
        return (format == FORMAT_ROW ? purpose + '\0' + binding : purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static String required(String binding) {
        if (binding == null || binding.isEmpty()) {
            throw new IllegalArgumentException("an encrypted value is bound to the id of its row or owner");
        }
        return binding;
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

    /** The key id a stored value was encrypted with. */
    public static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length < 3 || stored[0] != MAGIC
                || (stored[1] != FORMAT_COLUMN && stored[1] != FORMAT_ROW)) {
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
