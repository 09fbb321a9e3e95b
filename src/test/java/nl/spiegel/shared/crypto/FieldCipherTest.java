package nl.spiegel.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String K1 = randomKey();
    private static final String K2 = randomKey();

    @Test
    void roundTripsTextIncludingEmojiAndTheCiphertextHidesIt() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1, null));
        String text = "Ik voel me één beetje 😔 vandaag";

        byte[] stored = cipher.encrypt(text, "dialogue_messages.body");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("voel", "beetje");
        assertThat(FieldCipher.keyIdOf(stored)).isEqualTo("k1");
        assertThat(cipher.decryptToString(stored, "dialogue_messages.body")).isEqualTo(text);
    }

    @Test
    void aValueIsBoundToItsRowAndNeedsItsKeyIdWhileValuesFromBeforeTheBindingStillRead() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1, null));
        EncryptedColumn column = EncryptedColumn.of("safety_plans", "id", "sections", "key_id", "user_id");
        byte[] bound = cipher.encrypt(column, "user-a", "Bellen met Fatima");

        assertThat(cipher.decryptToString(column, "user-a", bound, "k1")).isEqualTo("Bellen met Fatima");
        assertThatThrownBy(() -> cipher.decrypt(column, "user-b", bound, "k1"))
                .as("moved to another person's row").isInstanceOf(FieldCipher.DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(EncryptedColumn.of("exercises", "id", "body", "key_id"), "user-a",
                bound, "k1")).as("moved to another column").isInstanceOf(FieldCipher.DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(column, "user-a", bound, null))
                .isInstanceOf(FieldCipher.DecryptionException.class).hasMessageContaining("without a key id");
        byte[] beforeBinding = cipher.encrypt("Wandelen", column.purpose());
        assertThat(cipher.decryptToString(column, "user-a", beforeBinding, "k1")).isEqualTo("Wandelen");
    }

    @Test
    void theSameTextEncryptsDifferentlyEveryTime() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1, null));
        assertThat(cipher.encrypt("zelfde", "p")).isNotEqualTo(cipher.encrypt("zelfde", "p"));
    }

    @Test
    void afterRotationOldDataStaysReadableAndNewDataUsesTheNewKey() {
        byte[] old = new FieldCipher(KeyRing.parse("k1:" + K1, null)).encrypt("oud", "p");
        FieldCipher rotated = new FieldCipher(KeyRing.parse("k2:" + K2 + ",k1:" + K1, "k2"));

        assertThat(rotated.decryptToString(old, "p")).isEqualTo("oud");
        assertThat(FieldCipher.keyIdOf(rotated.encrypt("nieuw", "p"))).isEqualTo("k2");
    }

    @Test
    void aWrongKeyFailsLoudly() {
        byte[] stored = new FieldCipher(KeyRing.parse("k1:" + K1, null)).encrypt("geheim", "p");
        FieldCipher impostor = new FieldCipher(KeyRing.parse("k1:" + K2, null));

        assertThatThrownBy(() -> impostor.decrypt(stored, "p"))
                .isInstanceOf(FieldCipher.DecryptionException.class).hasMessageContaining("wrong key");
    }

    @Test
    void aMissingKeyIsNamed() {
        byte[] stored = new FieldCipher(KeyRing.parse("k1:" + K1, null)).encrypt("geheim", "p");
        FieldCipher other = new FieldCipher(KeyRing.parse("k2:" + K2, null));

        assertThatThrownBy(() -> other.decrypt(stored, "p")).hasMessageContaining("no key 'k1'");
    }

    @Test
    void ciphertextMovedToAnotherColumnDoesNotDecrypt() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1, null));
        byte[] stored = cipher.encrypt("geheim", "exercises.body");

        assertThatThrownBy(() -> cipher.decrypt(stored, "dialogue_messages.body"))
                .isInstanceOf(FieldCipher.DecryptionException.class);
    }

    @Test
    void tamperedDataIsRejected() {
        FieldCipher cipher = new FieldCipher(KeyRing.parse("k1:" + K1, null));
        byte[] stored = cipher.encrypt("geheim", "p");
        stored[stored.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(stored, "p")).isInstanceOf(FieldCipher.DecryptionException.class);
    }

    @Test
    void badKeyConfigurationIsExplained() {
        assertThatThrownBy(() -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> KeyRing.parse("k1:" + K1, "k9")).hasMessageContaining("active key 'k9'");
        assertThatThrownBy(() -> KeyRing.parse("nokey", null)).hasMessageContaining("id:base64key");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
