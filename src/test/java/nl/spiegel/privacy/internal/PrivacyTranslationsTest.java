package nl.spiegel.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.identity.Role;

/**
 * Keys the privacy and audit screens build at run time, which the general translation test cannot see: every
 * action, record type and role on the audit trail, every section and field of the readable export.
 */
class PrivacyTranslationsTest {

    /** The account fields, also named in AccountDataContributor: checked here by name as well. */
    private static final List<String> ACCOUNT_FIELDS = List.of("userId", "organisationId", "email", "displayName",
            "role", "createdAt", "lastSeenAt", "emailVerifiedAt", "passwordChangedAt", "totpEnabledAt");

    @Test
    void everyAuditActionRecordTypeAndRoleHasWordsInBothLanguages() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (AuditAction action : AuditAction.values()) {
            needed.add("audit.action." + action.name());
            needed.add("audit.action-code." + action.name());
        }
        for (String type : List.of(AuditEvent.HANDOFF, AuditEvent.HANDOFF_MESSAGES, AuditEvent.HANDOFF_ALERT,
                AuditEvent.PERSONAL_DATA, AuditEvent.ACCOUNT, AuditEvent.AUDIT_TRAIL)) {
            needed.add("audit.record." + type);
        }
        for (Role role : Role.values()) {
            needed.add("audit.role." + role.name());
        }
        needed.add("audit.role." + Actor.SYSTEM_ROLE);
        assertThat(keys("nl")).containsAll(needed);
        assertThat(keys("en")).containsAll(needed);
    }

    @Test
    void everySectionAndFieldOfTheReadableExportHasALabel() throws IOException {
        Set<String> needed = new TreeSet<>();
        ExportDocument.ORDER.forEach(section -> needed.add("mydata.section." + section));
        ACCOUNT_FIELDS.forEach(field -> needed.add("mydata.field." + field));
        Pattern put = Pattern.compile("\\.put\\(\"([a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/nl/spiegel"))) {
            for (Path file : files.filter(path -> path.toString().endsWith("DataContributor.java")
                    || path.endsWith("PersonalDataService.java")).toList()) {
                Matcher matcher = put.matcher(Files.readString(file));
                while (matcher.find()) {
                    needed.add("mydata.field." + matcher.group(1));
                }
            }
        }
        assertThat(needed).contains("mydata.field.contactRequest", "mydata.field.riskLevel",
                "mydata.field.answer");
        assertThat(keys("nl")).containsAll(needed);
        assertThat(keys("en")).containsAll(needed);
    }

    @Test
    void theReadablePageEscapesEverythingAPersonWrote() {
        assertThat(HtmlExport.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    private static Set<String> keys(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PrivacyTranslationsTest.class.getResourceAsStream(
                "/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
