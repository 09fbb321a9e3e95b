package nl.spiegel.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.i18n.I18NProvider;

import nl.spiegel.SpiegelIntegrationTest;
import nl.spiegel.escalation.internal.CrisisContactRepository;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;

/**
 * The crisis panel shows what an organisation's people can reach now: its own team by day, the huisartsenpost at
 * night, 113 always; read in the organisation's time zone on a clock the test sets.
 */
@SpiegelIntegrationTest
class CrisisContactHoursIT {

    private static final Locale NL = Locale.of("nl");

    @Autowired
    CrisisContactRepository repository;
    @Autowired
    I18NProvider i18n;
    @Autowired
    OrganisationDirectory organisations;

    @Test
    void onlyContactsOpenAtThisHourInTheOrganisationsZoneAreShown() {
        Organisation organisation = organisations.create("Praktijk Oost", "oost-" + UUID.randomUUID()
                .toString().substring(0, 8));
        CrisisContacts contacts = at("2026-12-07T10:00:00Z"); // 11:00 in Amsterdam
        contacts.replace(organisation.id(), NL, List.of(
                scheduled("Crisisteam Oost", "08:00", "17:00"),
                scheduled("Huisartsenpost", "17:00", "08:00"),
                new ScheduledContact("nl", new CrisisContact("113 Zelfmoordpreventie", "", List.of("113"), null),
                        OpeningHours.ALWAYS)));

        assertThat(names(at("2026-12-07T10:00:00Z"), organisation))
                .containsExactly("Crisisteam Oost", "113 Zelfmoordpreventie");
        // 16:30 UTC is 17:30 in Amsterdam in winter: the team has closed, the post is open
        assertThat(names(at("2026-12-07T16:30:00Z"), organisation))
                .containsExactly("Huisartsenpost", "113 Zelfmoordpreventie");
        assertThat(names(at("2026-12-08T02:00:00Z"), organisation))
                .containsExactly("Huisartsenpost", "113 Zelfmoordpreventie");
    }

    @Test
    void whenNothingOfTheOrganisationIsOpenTheNationalContactsAreShown() {
        Organisation organisation = organisations.create("Dagpraktijk", "dag-" + UUID.randomUUID()
                .toString().substring(0, 8));
        at("2026-12-07T10:00:00Z").replace(organisation.id(), NL,
                List.of(scheduled("Alleen overdag", "09:00", "17:00")));
        List<String> atNight = names(at("2026-12-07T23:00:00Z"), organisation);
        assertThat(atNight).doesNotContain("Alleen overdag").isNotEmpty();
        assertThat(String.join(" ", atNight)).contains("113");
    }

    private CrisisContacts at(String instant) {
        return new CrisisContacts(repository, i18n, organisations, Clock.fixed(Instant.parse(instant),
                ZoneOffset.UTC));
    }

    private static List<String> names(CrisisContacts contacts, Organisation organisation) {
        return contacts.forOrganisation(organisation.id(), NL).stream().map(CrisisContact::name).toList();
    }

    private static ScheduledContact scheduled(String name, String from, String until) {
        return new ScheduledContact("nl", new CrisisContact(name, "", List.of("010-1234567"), null),
                new OpeningHours(java.time.LocalTime.parse(from), java.time.LocalTime.parse(until)));
    }
}
