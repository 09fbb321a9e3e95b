package nl.spiegel.escalation.internal;

import java.sql.Time;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.escalation.ContactPurpose;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.OpeningHours;
import nl.spiegel.escalation.ScheduledContact;
import nl.spiegel.organisation.OrganisationId;

/** An organisation's own crisis contacts. */
@Repository
public class CrisisContactRepository {

    private final JdbcClient jdbc;

    CrisisContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All languages, each in the organisation's order. */
    public List<ScheduledContact> findAll(OrganisationId organisation) {
        return jdbc.sql("""
                SELECT language, name, description, phone, url, purpose, open_from, open_until FROM crisis_contacts
                WHERE organisation_id = ? ORDER BY language, position""")
                .param(organisation.toString())
                .query((rs, row) -> {
                    Time from = rs.getTime("open_from");
                    Time until = rs.getTime("open_until");
                    return new ScheduledContact(rs.getString("language"), new CrisisContact(rs.getString("name"),
                            rs.getString("description"), phones(rs.getString("phone")), rs.getString("url"),
                            ContactPurpose.fromCode(rs.getString("purpose"))),
                            from == null || until == null ? OpeningHours.ALWAYS
                                    : new OpeningHours(from.toLocalTime(), until.toLocalTime()));
                })
                .list();
    }

    /** Replaces the organisation's contacts in one language, in the order given. */
    public void replace(OrganisationId organisation, String language, List<ScheduledContact> contacts) {
        jdbc.sql("DELETE FROM crisis_contacts WHERE organisation_id = ? AND language = ?")
                .params(organisation.toString(), language).update();
        int position = 0;
        for (ScheduledContact scheduled : contacts) {
            CrisisContact contact = scheduled.contact();
            OpeningHours hours = scheduled.hours();
            jdbc.sql("""
                    INSERT INTO crisis_contacts (organisation_id, language, position, name, description, phone, url,
                    purpose, open_from, open_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(organisation.toString(), language, position++, contact.name(), contact.description(),
                            contact.phones().isEmpty() ? null : String.join(", ", contact.phones()), contact.url(),
                            contact.purpose().code(),
                            hours.isAlways() ? null : Time.valueOf(hours.from()),
                            hours.isAlways() ? null : Time.valueOf(hours.until()))
                    .update();
        }
    }

    /** The phone column may hold several numbers separated by commas: "113, 0800-0113". */
    private static List<String> phones(String column) {
        return column == null ? List.of() : Arrays.asList(column.split(","));
    }
}
