package nl.spiegel.privacy;

import nl.spiegel.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;

/**
 * The retention of anonymous users on a clock the test moves: with the default of 90 days, an anonymous user last
 * seen 91 days ago is deleted with everything they wrote; one seen 89 days ago, a registered user and staff stay.
 */
@SpiegelIntegrationTest
@TestPropertySource(properties = "spiegel.retention.cron=-")
class RetentionIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Autowired
    PersonalDataService personalData;
    @Autowired
    RetentionProperties retention;
    @Autowired
    VisitorService visitors;
    @Autowired
    DialogueService dialogues;
    @Autowired
    SafetyPlanService plans;
    @Autowired
    StaffDirectory staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @Test
    void anAnonymousUserInactiveLongerThanTheRetentionIsDeletedAndOthersAreKept() {
        assertThat(retention.anonymousInactiveAfter()).as("the default").isEqualTo(Duration.ofDays(90));
        Instant now = clock.instant();

        clock.set(now.minus(Duration.ofDays(91)));
        Visitor gone = withData(visitors.resolve(VisitorToken.generate()));
        clock.set(now.minus(Duration.ofDays(89)));
        Visitor recent = withData(visitors.resolve(VisitorToken.generate()));
        clock.set(now.minus(Duration.ofDays(400)));
        Visitor registered = withData(visitors.resolve(VisitorToken.generate()));
        jdbc.sql("UPDATE users SET email = ? WHERE id = ?")
                .params("geregistreerd-" + UUID.randomUUID() + "@example.org", registered.userId().toString())
                .update();
        StaffMember therapist = staff.create("therapeut-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.org", "een-lang-test-wachtwoord", "Oude Therapeut", Role.THERAPIST,
                OrganisationId.DEFAULT);
        clock.set(now);

        int deleted = personalData.deleteInactiveAnonymousUsers();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(rows("users", "id", gone)).isZero();
        assertThat(rows("dialogue_sessions", "user_id", gone)).isZero();
        assertThat(rows("safety_plans", "user_id", gone)).isZero();
        for (Visitor kept : new Visitor[] {recent, registered}) {
            assertThat(rows("users", "id", kept)).isEqualTo(1);
            assertThat(rows("dialogue_sessions", "user_id", kept)).isEqualTo(1);
            assertThat(rows("safety_plans", "user_id", kept)).isEqualTo(1);
        }
        assertThat(staff.find(therapist.userId())).isPresent();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events
                WHERE action = 'DELETE' AND record_type = 'PERSONAL_DATA' AND actor_role = 'SYSTEM'""")
                .query(Integer.class).single()).as("the retention is on the audit trail").isEqualTo(deleted);

        clock.set(now.plus(Duration.ofDays(2)));
        assertThat(personalData.deleteInactiveAnonymousUsers()).as("two days later the 89-day one is due")
                .isGreaterThanOrEqualTo(1);
        assertThat(rows("users", "id", recent)).isZero();
        assertThat(rows("users", "id", registered)).isEqualTo(1);
    }

    private Visitor withData(Visitor visitor) {
        dialogues.startNew(visitor, "kennismaking");
        plans.save(visitor, SafetyPlan.empty().with(SafetyPlan.Section.OWN_COPING, "Wandelen"));
        return visitor;
    }

    private int rows(String table, String column, Visitor visitor) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")
                .param(visitor.userId().toString()).query(Integer.class).single();
    }
}
