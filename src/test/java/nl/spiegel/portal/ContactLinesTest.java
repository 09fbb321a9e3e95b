package nl.spiegel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.spiegel.escalation.OpeningHours;
import nl.spiegel.escalation.ScheduledContact;
import nl.spiegel.organisation.OrganisationSettingsException;

class ContactLinesTest {

    private static final Locale NL = Locale.of("nl");

    @Test
    void linesBecomeContactsWithOpeningHoursAndBack() {
        String text = """
                Eigen crisisdienst | 010-1234567 | 08:00-17:00 | Overdag
                Huisartsenpost | 0900-1234, 010-7654321 | 17:00-08:00 | 's Avonds en 's nachts

                113 Zelfmoordpreventie | 113 | | Altijd
                """;
        List<ScheduledContact> contacts = ContactLines.parse(text, NL);
        assertThat(contacts).extracting(c -> c.contact().name())
                .containsExactly("Eigen crisisdienst", "Huisartsenpost", "113 Zelfmoordpreventie");
        assertThat(contacts.get(1).contact().phones()).containsExactly("0900-1234", "010-7654321");
        assertThat(contacts.get(1).hours()).isEqualTo(new OpeningHours(LocalTime.of(17, 0), LocalTime.of(8, 0)));
        assertThat(contacts.get(2).hours().isAlways()).isTrue();
        assertThat(ContactLines.parse(ContactLines.format(contacts, NL), NL)).isEqualTo(contacts);
    }

    @Test
    void unreadableLinesAreNamed() {
        assertThatThrownBy(() -> ContactLines.parse("Goed | 113\nzonder nummer", NL))
                .isInstanceOf(OrganisationSettingsException.class)
                .satisfies(e -> assertThat(((OrganisationSettingsException) e).arguments()).containsExactly(2));
        assertThatThrownBy(() -> ContactLines.parse("Dienst | 113 | 9 tot 5", NL))
                .isInstanceOf(OrganisationSettingsException.class)
                .hasMessage("organisation.error.contact-hours");
    }

    @Test
    void openingHoursIncludeTheStartAndRunPastMidnight() {
        OpeningHours day = new OpeningHours(LocalTime.of(8, 0), LocalTime.of(17, 0));
        OpeningHours night = new OpeningHours(LocalTime.of(17, 0), LocalTime.of(8, 0));
        assertThat(day.isOpenAt(LocalTime.of(8, 0))).isTrue();
        assertThat(day.isOpenAt(LocalTime.of(17, 0))).isFalse();
        assertThat(night.isOpenAt(LocalTime.of(23, 30))).isTrue();
        assertThat(night.isOpenAt(LocalTime.of(3, 0))).isTrue();
        assertThat(night.isOpenAt(LocalTime.of(12, 0))).isFalse();
        assertThat(OpeningHours.ALWAYS.isOpenAt(LocalTime.of(4, 0))).isTrue();
    }
}
