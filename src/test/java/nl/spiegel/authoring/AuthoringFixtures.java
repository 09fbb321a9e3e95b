package nl.spiegel.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.DbTime;

/** Organisations, their admins and their people for the authoring and analytics tests. */
public record AuthoringFixtures(JdbcClient jdbc, StaffDirectory staff, VisitorService visitors) {

    /** A fresh organisation, as the organisation module would create it. */
    public OrganisationId organisation() {
        OrganisationId id = new OrganisationId(UUID.randomUUID());
        String slug = "org-" + id.toString().substring(0, 8);
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
                .params(id.toString(), slug, "Organisatie " + slug, DbTime.write(Instant.now()))
                .update();
        return id;
    }

    public StaffMember admin(OrganisationId organisation) {
        return member(Role.ORG_ADMIN, organisation);
    }

    public StaffMember member(Role role, OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create(role.name().toLowerCase() + "-" + unique + "@example.org", "een-lang-test-wachtwoord",
                "Beheer " + unique, role, organisation);
    }

    /** A person who came to Spiegel through this organisation. */
    public Visitor person(OrganisationId organisation) {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        jdbc.sql("UPDATE users SET organisation_id = ? WHERE id = ?")
                .params(organisation.toString(), visitor.userId().toString())
                .update();
        return new Visitor(visitor.userId(), organisation);
    }

    /** A small valid script with its own id, based on the example script of the tests. */
    public static String script(String id, String greeting) {
        try (InputStream in = AuthoringFixtures.class.getResourceAsStream("/example-script.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("id: voorbeeld", "id: " + id)
                    .replace("Hoi, fijn dat je er bent.", greeting);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
