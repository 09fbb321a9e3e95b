package nl.spiegel.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.spiegel.SpiegelIntegrationTest;

/**
 * Key rotation against the real database: data written under k1 (and rows still in plaintext from before
 * encryption) end up under k2, batch by batch, and read back unchanged; afterwards k2 alone reads everything.
 */
@SpiegelIntegrationTest
class KeyRotationIT {

    private static final String K1 = randomKey();
    private static final String K2 = randomKey();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("spiegel.crypto.keys", () -> "k1:" + K1 + ",k2:" + K2);
        registry.add("spiegel.crypto.active-key", () -> "k1");
        // small batches, so every table takes several
        registry.add("spiegel.crypto.rotation-batch-size", () -> "2");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyRotation rotation;
    @Autowired
    FieldCipher cipher;

    @Test
    void everyEncryptedColumnEndsUpUnderTheNewKeyPlaintextRowsIncludedAndEverythingStillReads() {
        assertThat(cipher.activeKeyId()).isEqualTo("k1");
        String marker = "Grutto" + UUID.randomUUID().toString().substring(0, 8);
        PersonalDataFixture fixture = new PersonalDataFixture(context);
        PersonalDataFixture.Written first = fixture.write(marker);
        PersonalDataFixture.Written second = fixture.write(marker);
        PersonalDataFixture.ReadBack firstBefore = fixture.read(first);
        PersonalDataFixture.ReadBack secondBefore = fixture.read(second);

        int legacyRows = turnOneRowPerKeyIdColumnIntoPlaintext();
        assertThat(legacyRows).as("one per key-id column the fixture wrote to")
                .isGreaterThanOrEqualTo((int) groups().keySet().stream()
                        .filter(group -> PersonalDataFixture.TABLES.contains(group.substring(0, group.indexOf('.'))))
                        .count());
        assertThatThrownBy(() -> {
            fixture.read(first);
            fixture.read(second);
        }).as("rows without key id are refused until the rotation encrypts them")
                .hasStackTraceContaining("without a key id");

        FieldCipher newKeyActive = new FieldCipher(KeyRing.parse("k2:" + K2 + ",k1:" + K1, "k2"));
        KeyRotation.Report report = rotation.rotate(newKeyActive);

        assertThat(report.activeKeyId()).isEqualTo("k2");
        assertThat(report.tables()).extracting(KeyRotation.TableResult::table)
                .containsAll(PersonalDataFixture.TABLES);
        assertThat(report.tables()).filteredOn(table -> PersonalDataFixture.TABLES.contains(table.table()))
                .allSatisfy(table -> assertThat(table.rows()).as(table.table()).isPositive());
        assertThat(report.tables().stream().mapToLong(KeyRotation.TableResult::encryptedFromPlaintext).sum())
                .isEqualTo(legacyRows);
        assertThat(report.toString()).as("the report carries counts, never content").doesNotContain(marker);

        FieldCipher onlyNewKey = new FieldCipher(KeyRing.parse("k2:" + K2, null));
        StringBuilder everything = new StringBuilder();
        for (EncryptedColumn column : rotation.columns()) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT " + column.dataColumn() + " AS data, "
                    + column.keyIdColumn() + " AS key_id, " + column.bindingColumn() + " AS binding FROM "
                    + column.table() + " WHERE " + column.dataColumn() + " IS NOT NULL").query().listOfRows();
            if (PersonalDataFixture.TABLES.contains(column.table())) {
                assertThat(rows).as(column.purpose()).isNotEmpty();
            }
            assertThat(rows).as(column.purpose()).allSatisfy(row -> {
                assertThat(row.get("key_id")).as(column.purpose()).isEqualTo("k2");
                byte[] data = (byte[]) row.get("data");
                assertThat(FieldCipher.keyIdOf(data)).as(column.purpose()).isEqualTo("k2");
                everything.append(onlyNewKey.decryptToString(column, String.valueOf(row.get("binding")), data,
                        "k2")).append('\n');
            });
            assertThat(jdbc.sql("SELECT DISTINCT " + column.keyIdColumn() + " FROM " + column.table() + " WHERE "
                    + column.keyIdColumn() + " IS NOT NULL").query(String.class).list())
                    .as(column.table() + "." + column.keyIdColumn()).allMatch("k2"::equals);
        }
        assertThat(everything.toString()).as("k2 alone reads the person's words").contains(marker);

        assertThat(fixture.read(first)).as("the data read back unchanged").isEqualTo(firstBefore);
        assertThat(fixture.read(second)).isEqualTo(secondBefore);

        KeyRotation.Report again = rotation.rotate(newKeyActive);
        assertThat(again.rows()).as("running it again changes nothing").isZero();
    }

    @Test
    void aRowUnderAKeyTheRotationDoesNotKnowStopsItLoudly() {
        String marker = "Kievit" + UUID.randomUUID().toString().substring(0, 8);
        new PersonalDataFixture(context).write(marker);
        FieldCipher withoutOldKey = new FieldCipher(KeyRing.parse("k2:" + K2, null));

        assertThatThrownBy(() -> rotation.rotate(withoutOldKey))
                .isInstanceOf(FieldCipher.DecryptionException.class)
                .hasMessageContaining("no key 'k1'")
                .hasMessageNotContaining(marker);
    }

    /** Columns sharing a key-id column, as the rotation rewrites them together. */
    private Map<String, List<EncryptedColumn>> groups() {
        return rotation.columns().stream().collect(Collectors.groupingBy(
                column -> column.table() + "." + column.keyIdColumn(), LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * Writes one row per key-id column back as it was stored before encryption: plaintext, key id NULL (for columns
     * that hold any data).
     */
    private int turnOneRowPerKeyIdColumnIntoPlaintext() {
        int changed = 0;
        for (List<EncryptedColumn> group : groups().values()) {
            EncryptedColumn first = group.getFirst();
            String id = first.idColumns().getFirst();
            String anyData = group.stream().map(column -> column.dataColumn() + " IS NOT NULL")
                    .collect(Collectors.joining(" OR "));
            Optional<Map<String, Object>> found = jdbc.sql("SELECT * FROM " + first.table() + " WHERE "
                    + first.keyIdColumn() + " IS NOT NULL AND (" + anyData + ") ORDER BY " + id + " LIMIT 1")
                    .query().listOfRows().stream().findFirst();
            if (found.isEmpty()) {
                continue;
            }
            Map<String, Object> row = found.get();
            List<Object> values = new ArrayList<>();
            for (EncryptedColumn column : group) {
                values.add(cipher.decrypt(column, String.valueOf(row.get(column.bindingColumn())),
                        (byte[]) row.get(column.dataColumn()), (String) row.get(column.keyIdColumn())));
            }
            values.add(row.get(id));
            String set = group.stream().map(column -> column.dataColumn() + " = ?").collect(Collectors.joining(", "));
            changed += jdbc.sql("UPDATE " + first.table() + " SET " + set + ", " + first.keyIdColumn()
                    + " = NULL WHERE " + id + " = ?").params(values).update();
            byte[] plain = (byte[]) values.stream().filter(value -> value instanceof byte[]).findFirst().orElseThrow();
            assertThat(new String(plain, StandardCharsets.UTF_8)).as("plaintext now").isNotBlank();
        }
        return changed;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
