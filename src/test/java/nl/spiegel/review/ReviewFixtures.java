package nl.spiegel.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.engine.Prompt;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Visitor;
import nl.spiegel.identity.VisitorService;
import nl.spiegel.identity.VisitorToken;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.crypto.PlaintextScan;

/** People, therapists and finished dialogues for the review tests, on the real services and database. */
public record ReviewFixtures(VisitorService visitors, StaffDirectory staff, DialogueService dialogues,
                             JdbcClient jdbc) {

    /** A person who registered (has an address), in the given organisation. */
    public Visitor registeredPerson(OrganisationId organisation) {
        Visitor visitor = visitors.resolve(VisitorToken.generate());
        jdbc.sql("UPDATE users SET organisation_id = ?, email = ?, password_hash = '{noop}x', "
                        + "email_verified_at = UTC_TIMESTAMP(6) WHERE id = ?")
                .params(organisation.toString(), "client-" + UUID.randomUUID() + "@example.org",
                        visitor.userId().toString())
                .update();
        return new Visitor(visitor.userId(), organisation);
    }

    public Visitor anonymousPerson() {
        return visitors.resolve(VisitorToken.generate());
    }

    public StaffMember member(Role role, OrganisationId organisation) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return staff.create(role.name().toLowerCase(Locale.ROOT) + "-" + unique + "@example.org",
                "een-lang-test-wachtwoord", role.name() + " " + unique, role, organisation);
    }

    public OrganisationId newOrganisation() {
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        jdbc.sql("INSERT INTO organisations (id, slug, name, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .params(organisation.toString(), "org-" + organisation.toString().substring(0, 8),
                        "Andere praktijk").update();
        return organisation;
    }

    /** A finished "kennismaking" with the marker in every free-text answer. */
    public SessionSnapshot finishedDialogue(Visitor person, String marker) {
        SessionSnapshot snapshot = dialogues.startNew(person, "kennismaking");
        int answers = 0;
        while (!snapshot.finished()) {
            if (snapshot.safetyPause().isPresent()) {
                snapshot = dialogues.continueAfterSafetyPause(person, snapshot.id(), snapshot.revision());
                continue;
            }
            UserInput input = switch (snapshot.prompt()) {
                case Prompt.FreeText text -> new UserInput.Text("Ik fiets graag " + marker);
                case Prompt.Choices choices -> new UserInput.Choice(choices.options().getFirst().value());
                case Prompt.Form form -> new UserInput.Answers(
                        java.util.Map.of(form.questionnaire().items().getFirst().id(), 0));
                case Prompt.None none -> throw new IllegalStateException("finished");
            };
            snapshot = dialogues.answer(person, snapshot.id(), snapshot.revision(), input);
            assertThat(++answers).isLessThan(40);
        }
        return snapshot;
    }

    /** Every column of every table that holds the text as UTF-8 bytes or their hex digits, as table.column. */
    public List<String> columnsContaining(String text) {
        return PlaintextScan.columnsContaining(jdbc, text);
    }
}
