package nl.spiegel.escalation;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

import nl.spiegel.escalation.internal.CrisisContactRepository;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationDirectory;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * Where a person can turn in a crisis: the organisation's own contacts when it has set them, otherwise the Dutch
 * defaults (113, 112, huisarts, Veilig Thuis). Only the contacts that can be reached now (their opening hours in the
 * organisation's time zone) are shown; when none of them is open, the national defaults are, so the panel is never
 * empty. Never fails: when the database cannot be read, the defaults are shown.
 */
@Service
public class CrisisContacts {

    private static final Logger log = LoggerFactory.getLogger(CrisisContacts.class);

    private final CrisisContactRepository repository;
    private final I18NProvider i18n;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    CrisisContacts(CrisisContactRepository repository, I18NProvider i18n, OrganisationDirectory organisations,
                   Clock clock) {
        this.repository = repository;
        this.i18n = i18n;
        this.organisations = organisations;
        this.clock = clock;
    }

    public List<CrisisContact> forOrganisation(OrganisationId organisation, Locale locale) {
        String language = SpiegelI18NProvider.supported(locale).getLanguage();
        try {
            LocalTime now = LocalTime.ofInstant(clock.instant(), organisations.find(organisation)
                    .map(Organisation::timeZone).orElse(ZoneId.of("Europe/Amsterdam")));
            Map<String, List<CrisisContact>> own = repository.findAll(organisation).stream()
                    .filter(scheduled -> scheduled.hours().isOpenAt(now))
                    .collect(Collectors.groupingBy(ScheduledContact::language, LinkedHashMap::new,
                            Collectors.mapping(ScheduledContact::contact, Collectors.toList())));
            if (own.containsKey(language)) {
                return List.copyOf(own.get(language));
            }
            if (!own.isEmpty()) {
                // the organisation's own numbers in another language beat the Dutch defaults, which may be the
                // wrong country for it; Dutch first as the main language
                return List.copyOf(own.getOrDefault(SpiegelI18NProvider.DUTCH.getLanguage(),
                        own.values().iterator().next()));
            }
        } catch (DataAccessException | TransactionException e) {
            // a transaction that cannot even start (no connection) is the database being away, too
            log.warn("crisis contacts of organisation {} could not be read; showing the defaults", organisation, e);
        }
        return defaults(locale);
    }

    /** Every contact the organisation set, in all languages, with its opening hours (for its admin screen). */
    @Transactional(readOnly = true)
    public List<ScheduledContact> schedule(OrganisationId organisation) {
        return repository.findAll(organisation);
    }

    /**
     * Replaces the organisation's contacts in one language; an empty list removes them (then the national defaults
     * are shown). The caller checks that the organisation is theirs ({@code portal.OrganisationAdmin}).
     */
    @Transactional
    public void replace(OrganisationId organisation, Locale language, List<ScheduledContact> contacts) {
        String code = SpiegelI18NProvider.supported(language).getLanguage();
        if (contacts.stream().anyMatch(contact -> !contact.language().equals(code))) {
            throw new IllegalArgumentException("contacts of another language");
        }
        repository.replace(organisation, code, contacts);
        log.info("crisis contacts of organisation {} in {} replaced: {}", organisation, code, contacts.size());
    }

    /** The organisation's contacts in the order this kind of risk needs them; see {@link SafetyFlow#contactOrder}. */
    public List<CrisisContact> forFlow(OrganisationId organisation, Locale locale, List<ContactPurpose> order) {
        return CrisisContact.ordered(forOrganisation(organisation, locale), order);
    }

    /** The Dutch national contacts from the safety guide, in the language asked for. */
    public List<CrisisContact> defaults(Locale locale) {
        Locale supported = SpiegelI18NProvider.supported(locale);
        return List.of(
                new CrisisContact(i18n.getTranslation("crisis.113.title", supported),
                        i18n.getTranslation("crisis.113.text", supported), List.of("113", "0800-0113"),
                        "https://www.113.nl", ContactPurpose.SUICIDE_LINE),
                new CrisisContact(i18n.getTranslation("crisis.112.title", supported),
                        i18n.getTranslation("crisis.112.text", supported), List.of("112"), null,
                        ContactPurpose.EMERGENCY),
                new CrisisContact(i18n.getTranslation("crisis.gp.title", supported),
                        i18n.getTranslation("crisis.gp.text", supported), List.of(), null, ContactPurpose.GP),
                new CrisisContact(i18n.getTranslation("crisis.veilig-thuis.title", supported),
                        i18n.getTranslation("crisis.veilig-thuis.text", supported), List.of("0800-2000"), null,
                        ContactPurpose.ABUSE_LINE));
    }
}
