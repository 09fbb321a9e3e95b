package nl.spiegel.authoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.identity.internal.AccountUserDetails;
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

    /** The 1-based number of the first line containing the fragment. */
    public static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    /** Logs a user in for a browserless test, as the login would. */
    public static void logIn(UserId user, OrganisationId organisation, Role role) {
        AccountUserDetails principal = new AccountUserDetails(user, organisation, role, "Iemand",
                "someone-" + user + "@example.org", null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
