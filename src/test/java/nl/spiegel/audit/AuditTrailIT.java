package nl.spiegel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffAccessDeniedException;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.privacy.PersonalDataService;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.crypto.FieldCipher;
import nl.spiegel.shared.crypto.KeyRotation;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * The audit trail against the real database: every audited action leaves exactly one correct entry, the database
 * refuses to change or remove entries, ORG_ADMINs only read their own organisation and clients cannot read at all.
 */
@SpiegelIntegrationTest
class AuditTrailIT {

    /** One row as stored, with the people resolved through their pseudonyms. */
    record Stored(long id, String action, String recordType, String recordId, String actorRef, String actorUserId,
                  String actorRole, String subjectRef, String subjectUserId, String organisationId,
                  String sessionRef) {
    }

    @Autowired
    AuditTrail audit;
    @Autowired
    HandoffService handoffs;
    @Autowired
    DialogueService dialogues;
    @Autowired
    StaffDirectory staff;
    @Autowired
    VisitorService visitors;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldCipher cipher;
    @Autowired
    KeyRotation rotation;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTherapistAcceptingAndReadingAHandoffIsRecordedOncePerAccess() {
        Visitor person = visitor();
        SessionId session = dialogues.startNew(person, "kennismaking").id();
        StaffMember therapist = member(Role.THERAPIST, OrganisationId.DEFAULT);
        StaffMember colleague = member(Role.THERAPIST, OrganisationId.DEFAULT);
        handoffs.setOnDuty(therapist.userId(), true);
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));

        long before = lastId();
        handoffs.accept(therapist.userId(), escalation.id());
        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("VIEW");
            assertThat(row.recordType()).isEqualTo("HANDOFF");
            assertThat(row.recordId()).isEqualTo(escalation.id().toString());
            assertThat(row.actorUserId()).isEqualTo(therapist.userId().toString());
            assertThat(row.actorRole()).isEqualTo("THERAPIST");
            assertThat(row.subjectUserId()).isEqualTo(person.userId().toString());
            assertThat(row.organisationId()).isEqualTo(OrganisationId.DEFAULT.toString());
            assertThat(row.actorRef()).as("people are stored under a pseudonym")
                    .isNotEqualTo(therapist.userId().toString());
            assertThat(row.subjectRef()).isNotEqualTo(person.userId().toString());
        });

        before = lastId();
        handoffs.conversation(therapist.userId(), escalation.id());
        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("VIEW");
            assertThat(row.recordType()).isEqualTo("HANDOFF_MESSAGES");
            assertThat(row.recordId()).isEqualTo(escalation.id().toString());
            assertThat(row.actorUserId()).isEqualTo(therapist.userId().toString());
            assertThat(row.subjectUserId()).isEqualTo(person.userId().toString());
        });

        before = lastId();
        handoffs.conversation(person, escalation.id());
        assertThat(since(before)).as("the person reading their own conversation is no access to another's data")
                .isEmpty();

        assertThatThrownBy(() -> handoffs.conversation(colleague.userId(), escalation.id()))
                .isInstanceOf(HandoffAccessDeniedException.class);
        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("ACCESS_DENIED");
            assertThat(row.recordType()).isEqualTo("HANDOFF_MESSAGES");
            assertThat(row.actorUserId()).isEqualTo(colleague.userId().toString());
            assertThat(row.subjectUserId()).as("a refusal reveals nothing about the person").isNull();
            assertThat(row.organisationId()).isEqualTo(OrganisationId.DEFAULT.toString());
        });
    }

    @Test
    void anExportIsRecordedOnceWithTheAddressTheServerSawAndAHashedSession() throws Exception {
        Visitor person = visitor();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        request.addHeader("X-Forwarded-For", "198.51.100.9");
        String sessionId = "session-" + UUID.randomUUID();
        request.setSession(new MockHttpSession(null, sessionId));
        String sessionRef = sha256(sessionId);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        long before = lastId();
        personalData.exportJson(person, SpiegelI18NProvider.DUTCH, new ByteArrayOutputStream());

        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("EXPORT");
            assertThat(row.recordType()).isEqualTo("PERSONAL_DATA");
            assertThat(row.recordId()).isEqualTo("json");
            assertThat(row.actorUserId()).isEqualTo(person.userId().toString());
            assertThat(row.actorRole()).isEqualTo("CLIENT");
            assertThat(row.subjectUserId()).isEqualTo(person.userId().toString());
            assertThat(row.sessionRef()).hasSize(64).isEqualTo(sessionRef).doesNotContain(sessionId);
        });
        AuditEntry entry = entry(since(before).getFirst().id());
        assertThat(entry.clientAddress()).as("never the X-Forwarded-For header").isEqualTo("203.0.113.7");
        byte[] stored = jdbc.sql("SELECT client_address FROM audit_events WHERE id = ?").param(entry.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("203.0.113.7");
    }

    @Test
    void addressesAreInTheOneEncryptedFormatAndThePersonKeysAreWrappedByTheKeyRingAndRotatedWithIt() {
        Visitor person = visitor();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.44");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        long before = lastId();
        personalData.exportJson(person, SpiegelI18NProvider.DUTCH, new ByteArrayOutputStream());

        long id = since(before).getFirst().id();
        byte[] address = jdbc.sql("SELECT client_address FROM audit_events WHERE id = ?").param(id)
                .query(byte[].class).single();
        assertThat(FieldCipher.keyIdOf(address)).as("the field cipher's format, under the person's own key")
                .isEqualTo("person");
        Map<String, Object> pseudonym = jdbc.sql("""
                        SELECT address_key, address_key_id FROM audit_pseudonyms WHERE user_id = ?""")
                .param(person.userId().toString()).query().singleRow();
        assertThat((byte[]) pseudonym.get("address_key")).as("never the key itself").hasSizeGreaterThan(32);
        assertThat(FieldCipher.keyIdOf((byte[]) pseudonym.get("address_key"))).isEqualTo(cipher.activeKeyId());
        assertThat(pseudonym.get("address_key_id")).isEqualTo(cipher.activeKeyId());
        assertThat(rotation.columns()).as("the key rotation rewraps them")
                .anyMatch(column -> column.table().equals("audit_pseudonyms")
                        && column.dataColumn().equals("address_key"));
        assertThat(entry(id).clientAddress()).isEqualTo("203.0.113.44");
    }

    @Test
    void aDeletionIsRecordedOnceAndLeavesTheEntriesAboutThePersonAnonymised() {
        Visitor person = visitor();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.8");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        long exported = lastId();
        personalData.exportJson(person, SpiegelI18NProvider.DUTCH, new ByteArrayOutputStream());
        long exportId = since(exported).getFirst().id();
        String pseudonym = since(exported).getFirst().subjectRef();

        long before = lastId();
        personalData.deleteEverything(person);

        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("DELETE");
            assertThat(row.recordType()).isEqualTo("PERSONAL_DATA");
            assertThat(row.recordId()).isNull();
            assertThat(row.actorRole()).isEqualTo("CLIENT");
            assertThat(row.organisationId()).isEqualTo(OrganisationId.DEFAULT.toString());
            assertThat(row.subjectRef()).isEqualTo(pseudonym);
            assertThat(row.actorRef()).isEqualTo(pseudonym);
            assertThat(row.subjectUserId()).as("the pseudonym points to nobody any more").isNull();
            assertThat(row.actorUserId()).isNull();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_pseudonyms WHERE user_id = ?")
                .param(person.userId().toString()).query(Integer.class).single()).isZero();
        AuditEntry export = entry(exportId);
        assertThat(export.subjectForgotten()).isTrue();
        assertThat(export.actorForgotten()).isTrue();
        assertThat(export.subject()).isNull();
        assertThat(export.clientAddress()).as("the address key went with the pseudonym").isNull();
        assertThat(jdbc.sql("SELECT client_address FROM audit_events WHERE id = ?").param(exportId)
                .query(byte[].class).single()).as("the entry itself is unchanged").isNotNull();
    }

    @Test
    void readingAndExportingTheTrailAreRecordedOnceEach() throws Exception {
        StaffMember admin = member(Role.ORG_ADMIN, OrganisationId.DEFAULT);

        long before = lastId();
        audit.search(admin.userId(), AuditQuery.newest(20));
        assertThat(since(before)).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("VIEW");
            assertThat(row.recordType()).isEqualTo("AUDIT_TRAIL");
            assertThat(row.actorUserId()).isEqualTo(admin.userId().toString());
            assertThat(row.actorRole()).isEqualTo("ORG_ADMIN");
            assertThat(row.subjectUserId()).isNull();
            assertThat(row.organisationId()).isEqualTo(OrganisationId.DEFAULT.toString());
        });

        before = lastId();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        int written = audit.exportCsv(admin.userId(), AuditQuery.newest(5), csv);
        List<Stored> rows = since(before);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("EXPORT");
            assertThat(row.recordType()).isEqualTo("AUDIT_TRAIL");
            assertThat(row.actorUserId()).isEqualTo(admin.userId().toString());
        });
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("id,occurred_at,action,record_type,record_id,actor_user_id");
        assertThat(lines).hasSize(written + 1);
        assertThat(lines.get(1)).as("the export is part of what it exports")
                .startsWith(rows.getFirst().id() + ",").contains(",EXPORT,AUDIT_TRAIL,");
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        StaffMember admin = member(Role.ORG_ADMIN, OrganisationId.DEFAULT);
        audit.search(admin.userId(), AuditQuery.newest(1));
        long id = lastId();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET action = 'EXPORT' WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET subject_ref = NULL WHERE id = ?").param(id)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events").update())
                .isInstanceOf(DataAccessException.class);
        // the admin still exists: their pseudonym can neither be re-pointed nor forgotten
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_pseudonyms SET user_id = ? WHERE user_id = ?")
                .params(UUID.randomUUID().toString(), admin.userId().toString()).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> audit.forget(admin.userId())).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("only be forgotten once the person is deleted");

        assertThat(jdbc.sql("SELECT action FROM audit_events WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("VIEW");
        assertThat(entry(id).actor()).isEqualTo(admin.userId());
    }

    @Test
    void anOrgAdminReadsOnlyTheirOwnOrganisationAndAPlatformAdminReadsAll() {
        OrganisationId other = organisation();
        Visitor person = visitor();
        String marker = "scope-" + UUID.randomUUID();
        StaffMember therapist = member(Role.THERAPIST, OrganisationId.DEFAULT);
        audit.record(AuditEvent.of(Actor.staff(therapist), AuditAction.VIEW, "TEST", marker + "-own",
                person.userId(), OrganisationId.DEFAULT));
        audit.record(AuditEvent.of(Actor.staff(therapist), AuditAction.VIEW, "TEST", marker + "-other",
                person.userId(), other));
        StaffMember ownAdmin = member(Role.ORG_ADMIN, OrganisationId.DEFAULT);
        StaffMember otherAdmin = member(Role.ORG_ADMIN, other);
        StaffMember platformAdmin = member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        AuditQuery aboutPerson = new AuditQuery(null, null, null, person.userId(), AuditAction.VIEW, 100);

        assertThat(audit.search(ownAdmin.userId(), aboutPerson)).extracting(AuditEntry::recordId)
                .containsExactly(marker + "-own");
        assertThat(audit.search(otherAdmin.userId(), aboutPerson)).extracting(AuditEntry::recordId)
                .containsExactly(marker + "-other");
        assertThat(audit.search(platformAdmin.userId(), aboutPerson)).extracting(AuditEntry::recordId)
                .containsExactly(marker + "-other", marker + "-own");
        assertThat(audit.search(ownAdmin.userId(), AuditQuery.newest(AuditQuery.MAX_LIMIT)))
                .extracting(AuditEntry::organisation).containsOnly(OrganisationId.DEFAULT);
        assertThat(audit.search(ownAdmin.userId(), new AuditQuery(null, null, therapist.userId(), null, null, 100)))
                .extracting(AuditEntry::recordId).containsExactly(marker + "-own");
    }

    @Test
    void clientsAndTherapistsCannotReadTheTrailAndTheAttemptIsRecorded() {
        Visitor client = visitor();
        StaffMember therapist = member(Role.THERAPIST, OrganisationId.DEFAULT);

        long before = lastId();
        assertThatThrownBy(() -> audit.search(client.userId(), AuditQuery.newest(10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(therapist.userId(), AuditQuery.newest(10),
                new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);

        assertThat(since(before)).extracting(Stored::action, Stored::recordType, Stored::actorUserId,
                        Stored::actorRole)
                .containsExactly(
                        Tuple.tuple("ACCESS_DENIED", "AUDIT_TRAIL",
                                client.userId().toString(), "CLIENT"),
                        Tuple.tuple("ACCESS_DENIED", "AUDIT_TRAIL",
                                therapist.userId().toString(), "THERAPIST"));
    }

    @Test
    void aPersonSeesWhoViewedTheirDataButNotRefusedAttempts() {
        Visitor person = visitor();
        SessionId session = dialogues.startNew(person, "kennismaking").id();
        StaffMember therapist = member(Role.THERAPIST, OrganisationId.DEFAULT);
        handoffs.setOnDuty(therapist.userId(), true);
        Escalation escalation = handoffs.request(person, session, RiskLevel.CRISIS, List.of("crisis.plan"));
        handoffs.accept(therapist.userId(), escalation.id());
        personalData.exportJson(person, SpiegelI18NProvider.DUTCH, new ByteArrayOutputStream());
        audit.recordDenied(therapist.userId(), AuditEvent.HANDOFF, escalation.id().toString(), person.userId(),
                OrganisationId.DEFAULT);

        List<SubjectAccess> mine = audit.aboutMe(person);

        assertThat(mine).extracting(SubjectAccess::action, SubjectAccess::recordType, SubjectAccess::byYou,
                        SubjectAccess::actorName)
                .containsExactly(
                        Tuple.tuple(AuditAction.EXPORT, "PERSONAL_DATA", true, null),
                        Tuple.tuple(AuditAction.VIEW, "HANDOFF", false,
                                therapist.displayName()));
        assertThat(audit.aboutMe(visitor())).isEmpty();
    }

    private static String sha256(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Visitor visitor() {
        return visitors.resolve(VisitorToken.generate());
    }

    private StaffMember member(Role role, OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create(role.name().toLowerCase() + "-" + unique + "@example.org", "een-lang-test-wachtwoord",
                role.name() + " " + unique, role, organisation);
    }

    private OrganisationId organisation() {
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(id.toString(), "org-" + id.toString().substring(0, 8), "Andere organisatie").update();
        return id;
    }

    private long lastId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_events").query(Long.class).single();
    }

    private List<Stored> since(long id) {
        return jdbc.sql("""
                SELECT e.id, e.action, e.record_type, e.record_id, e.actor_ref, a.user_id AS actor_user_id,
                       e.actor_role, e.subject_ref, s.user_id AS subject_user_id, e.organisation_id, e.session_ref
                FROM audit_events e
                LEFT JOIN audit_pseudonyms a ON a.pseudonym = e.actor_ref
                LEFT JOIN audit_pseudonyms s ON s.pseudonym = e.subject_ref
                WHERE e.id > ? ORDER BY e.id""")
                .param(id)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("action"), rs.getString("record_type"),
                        rs.getString("record_id"), rs.getString("actor_ref"), rs.getString("actor_user_id"),
                        rs.getString("actor_role"), rs.getString("subject_ref"), rs.getString("subject_user_id"),
                        rs.getString("organisation_id"), rs.getString("session_ref")))
                .list();
    }

    /** One entry as the trail itself reads it, through a platform administrator. */
    private AuditEntry entry(long id) {
        StaffMember reader = member(Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        return audit.search(reader.userId(), AuditQuery.newest(AuditQuery.MAX_LIMIT)).stream()
                .filter(entry -> entry.id() == id).findFirst().orElseThrow();
    }
}
