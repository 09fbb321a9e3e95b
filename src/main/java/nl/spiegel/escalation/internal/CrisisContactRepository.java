package nl.spiegel.escalation.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.spiegel.escalation.ContactPurpose;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.organisation.OrganisationId;

/** An organisation's own crisis contacts. */
@Repository
public class CrisisContactRepository {

    public record Row(String language, CrisisContact contact) {
    }

    private final JdbcClient jdbc;

    CrisisContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All languages, each in the organisation's order. */
    public List<Row> findAll(OrganisationId organisation) {
        return jdbc.sql("""
                SELECT language, name, description, phone, url, purpose FROM crisis_contacts
                WHERE organisation_id = ? ORDER BY language, position""")
                .param(organisation.toString())
                .query((rs, row) -> new Row(rs.getString("language"), new CrisisContact(rs.getString("name"),
                        rs.getString("description"), phones(rs.getString("phone")), rs.getString("url"),
                        ContactPurpose.fromCode(rs.getString("purpose")))))
                .list();
    }

    /** The phone column may hold several numbers separated by commas: "113, 0800-0113". */
    private static List<String> phones(String column) {
        return column == null ? List.of() : Arrays.asList(column.split(","));
    }
}
