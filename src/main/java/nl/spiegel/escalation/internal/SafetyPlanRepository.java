package nl.spiegel.escalation.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.database.DbTime;

/**
 * One safety plan per user; the texts are JSON bytes stored encrypted next to the id of their key (no key id:
 * plaintext from before encryption, read as it is).
 */
@Repository
public class SafetyPlanRepository {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    SafetyPlanRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public Optional<Map<SafetyPlan.Section, String>> find(UserId owner) {
        return jdbc.sql("SELECT sections, key_id FROM safety_plans WHERE user_id = ?")
                .param(owner.toString())
                .query((rs, row) -> sections(cipher.decrypt(EscalationEncryptedColumns.SAFETY_PLAN_SECTIONS,
                        owner.toString(), rs.getBytes("sections"), rs.getString("key_id"))))
                .optional();
    }

    public void save(OrganisationId organisation, UserId owner, Map<SafetyPlan.Section, String> sections,
                     Instant now) {
        Map<String, String> json = new LinkedHashMap<>();
        sections.forEach((section, text) -> json.put(section.code(), text));
        jdbc.sql("""
                INSERT INTO safety_plans (id, organisation_id, user_id, sections, key_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE sections = VALUES(sections), key_id = VALUES(key_id),
                    updated_at = VALUES(updated_at)""")
                .params(UUID.randomUUID().toString(), organisation.toString(), owner.toString(),
                        cipher.encrypt(EscalationEncryptedColumns.SAFETY_PLAN_SECTIONS, owner.toString(),
                                EscalationJson.write(json)),
                        cipher.activeKeyId(), DbTime.write(now), DbTime.write(now))
                .update();
    }

    public int delete(UserId owner) {
        return jdbc.sql("DELETE FROM safety_plans WHERE user_id = ?").param(owner.toString()).update();
    }

    private static Map<SafetyPlan.Section, String> sections(byte[] bytes) {
        Map<SafetyPlan.Section, String> sections = new EnumMap<>(SafetyPlan.Section.class);
        // sections added in a later version are simply absent from older rows; unknown ones are kept out
        EscalationJson.readTexts(bytes).forEach((code, text) -> {
            for (SafetyPlan.Section section : SafetyPlan.Section.values()) {
                if (section.code().equals(code)) {
                    sections.put(section, text);
                }
            }
        });
        return sections;
    }
}
