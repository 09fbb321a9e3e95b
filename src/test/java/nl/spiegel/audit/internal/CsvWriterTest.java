package nl.spiegel.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEntry;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

class CsvWriterTest {

    @Test
    void writesOneLinePerEntryWithAHeaderAndForgottenPeopleAsEmptyCells() throws Exception {
        UserId actor = new UserId(UUID.fromString("11111111-1111-1111-1111-111111111111"));
        AuditEntry entry = new AuditEntry(7, Instant.parse("2026-01-02T03:04:05Z"), actor, "THERAPIST", false, null,
                null, true, OrganisationId.DEFAULT, "HANDOFF", "abc", AuditAction.VIEW, "203.0.113.7", "f00");
        StringWriter out = new StringWriter();

        CsvWriter.write(List.of(entry), out);

        assertThat(out.toString().split("\r\n")).containsExactly(String.join(",", CsvWriter.HEADER),
                "7,2026-01-02T03:04:05Z,VIEW,HANDOFF,abc,11111111-1111-1111-1111-111111111111,THERAPIST,false,,,true,"
                        + "00000000-0000-0000-0000-000000000001,203.0.113.7,f00");
    }

    @Test
    void quotesSeparatorsAndDefusesFormulas() {
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
    }

    @Test
    void anAddressEncryptedForOnePersonCannotBeReadWithAnotherKey() {
        byte[] key = AddressCipher.newKey();
        byte[] stored = AddressCipher.encrypt("2001:db8::1", key, "pseudonym-a");

        assertThat(AddressCipher.decrypt(stored, key, "pseudonym-a")).isEqualTo("2001:db8::1");
        assertThat(AddressCipher.decrypt(stored, AddressCipher.newKey(), "pseudonym-a")).isNull();
        assertThat(AddressCipher.decrypt(stored, key, "pseudonym-b")).as("bound to the pseudonym").isNull();
        assertThat(AddressCipher.decrypt(stored, null, "pseudonym-a")).as("forgotten").isNull();
    }

    @Test
    void addressesFromBeforeTheOneFormatAreStillRead() throws Exception {
        byte[] key = AddressCipher.newKey();
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD("pseudonym-a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] sealed = gcm.doFinal("192.0.2.33".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] legacy = java.util.Arrays.copyOf(nonce, 12 + sealed.length);
        System.arraycopy(sealed, 0, legacy, 12, sealed.length);

        assertThat(AddressCipher.decrypt(legacy, key, "pseudonym-a")).isEqualTo("192.0.2.33");
        assertThat(nl.spiegel.shared.crypto.FieldCipher.keyIdOf(AddressCipher.encrypt("192.0.2.33", key,
                "pseudonym-a"))).as("new ones are in the field cipher's format").isEqualTo("person");
    }
}
