package nl.spiegel.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;

/**
 * The account itself (the users row), its login attempts and its single sign-on links. Deleted last: every other table
 * points at it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountDataContributor implements PersonalDataContributor {

    private final AccountRows accounts;

    AccountDataContributor(AccountRows accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        return accounts.export(person).map(fields -> {
            List<PersonalDataSection> sections = new ArrayList<>(List.of(new PersonalDataSection("account", fields),
                    new PersonalDataSection("loginAttempts", accounts.loginAttempts(person))));
            List<Map<String, Object>> links = accounts.singleSignOnLinks(person);
            // only for people who log in through their organisation: for everybody else it would be an empty puzzle
            if (!links.isEmpty()) {
                sections.add(new PersonalDataSection("singleSignOn", links));
            }
            return List.copyOf(sections);
        }).orElse(List.of());
    }

    @Override
    public int delete(UserId person) {
        return accounts.delete(person);
    }
}
