package nl.spiegel.privacy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.identity.AccountData;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;

/**
 * The account itself, its login attempts and its single sign-on links, read through the identity module's
 * {@link AccountData} (which decides which account columns are exported). Deleted last: every other table points at
 * the account.
 *
 * <p>It lives here and not in identity because this module depends on identity (the current visitor, user ids): an
 * identity bean implementing this module's interface would be a cycle.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountDataContributor implements PersonalDataContributor {

    private final AccountData accounts;

    AccountDataContributor(AccountData accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        return accounts.account(person).map(account -> {
            List<PersonalDataSection> sections = new ArrayList<>(List.of(
                    new PersonalDataSection("account", fields(account)),
                    new PersonalDataSection("loginAttempts", loginAttempts(person))));
            List<Map<String, Object>> links = singleSignOnLinks(person);
            // only for people who log in through their organisation: for everybody else it would be an empty puzzle
            if (!links.isEmpty()) {
                sections.add(new PersonalDataSection("singleSignOn", links));
            }
            return List.copyOf(sections);
        }).orElse(List.of());
    }

    private static Map<String, Object> fields(AccountData.Fields account) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", account.userId().toString());
        fields.put("organisationId", account.organisationId().toString());
        fields.put("createdAt", account.createdAt());
        fields.put("lastSeenAt", account.lastSeenAt());
        fields.put("email", account.email());
        fields.put("displayName", account.displayName());
        fields.put("role", account.role());
        fields.put("emailVerifiedAt", account.emailVerifiedAt());
        fields.put("passwordChangedAt", account.passwordChangedAt());
        fields.put("totpEnabledAt", account.totpEnabledAt());
        fields.put("secondFactorFailures", account.secondFactorFailures());
        fields.put("deactivatedAt", account.deactivatedAt());
        return fields;
    }

    private List<Map<String, Object>> loginAttempts(UserId person) {
        return accounts.loginAttempts(person).stream().map(attempt -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("attemptedAt", attempt.attemptedAt());
            item.put("ipAddress", attempt.ipAddress());
            item.put("step", attempt.step());
            item.put("outcome", attempt.outcome());
            return item;
        }).toList();
    }

    private List<Map<String, Object>> singleSignOnLinks(UserId person) {
        return accounts.singleSignOnLinks(person).stream().map(link -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("issuer", link.issuer());
            item.put("subject", link.subject());
            item.put("linkedAt", link.linkedAt());
            item.put("lastLoginAt", link.lastLoginAt());
            return item;
        }).toList();
    }

    @Override
    public int delete(UserId person) {
        return accounts.delete(person);
    }
}
