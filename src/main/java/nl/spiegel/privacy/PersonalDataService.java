package nl.spiegel.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.audit.SubjectAccess;
import nl.spiegel.identity.AccountData;
import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.privacy.internal.ExportDocument;
import nl.spiegel.privacy.internal.HtmlExport;
import nl.spiegel.privacy.internal.JsonExport;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;

/**
 * A person's rights over their own data (GDPR art. 15, 17 and 20): everything Spiegel holds about them, as JSON and
 * as a readable page, and real deletion of all of it. Every module contributes through
 * {@link PersonalDataContributor}; only the visitor's own id is ever used, so nothing of anybody else can come out.
 *
 * <p>After a deletion the audit trail keeps its entries, anonymised: the person's pseudonym on the trail is forgotten
 * (see {@link AuditTrail#forget}). The same deletion serves the retention of inactive anonymous users.
 */
@Service
public class PersonalDataService {

    /** At most this many inactive users per retention run, so one run stays short; the next run continues. */
    static final int RETENTION_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(PersonalDataService.class);

    private final ObjectProvider<PersonalDataContributor> contributors;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final AccountData accounts;
    private final SpiegelI18NProvider i18n;
    private final RetentionProperties retention;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final AccountSessions sessions;

    PersonalDataService(ObjectProvider<PersonalDataContributor> contributors, AuditTrail audit, StaffDirectory staff,
                        AccountData accounts, SpiegelI18NProvider i18n, RetentionProperties retention, Clock clock,
                        PlatformTransactionManager transactions, AccountSessions sessions) {
        this.sessions = sessions;
        this.contributors = contributors;
        this.audit = audit;
        this.staff = staff;
        this.accounts = accounts;
        this.i18n = i18n;
        this.retention = retention;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Everything about the visitor as JSON (UTF-8). The export is recorded on the audit trail. */
    @Transactional(readOnly = true)
    public void exportJson(Visitor visitor, Locale locale, OutputStream out) {
        JsonExport.write(gather(visitor, locale, "json"), out);
    }

    /** Everything about the visitor as one readable HTML page (UTF-8). The export is recorded on the audit trail. */
    @Transactional(readOnly = true)
    public void exportHtml(Visitor visitor, Locale locale, OutputStream out) throws IOException {
        HtmlExport.write(gather(visitor, locale, "html"), i18n, out);
    }

    /**
     * Deletes every row of the visitor in every table, for real. The audit trail keeps its entries about them, but
     * anonymised. The caller ends the session afterwards.
     *
     * @throws IllegalStateException for a staff account: those are removed by an administrator, because their access
     *                               to other people's records must stay accountable
     */
    @Transactional
    public void deleteEverything(Visitor visitor) {
        if (staff.find(visitor.userId()).isPresent()) {
            throw new IllegalStateException("staff accounts are removed by an administrator");
        }
        audit.record(AuditEvent.of(Actor.person(visitor), AuditAction.DELETE, AuditEvent.PERSONAL_DATA, null,
                visitor.userId(), visitor.organisationId()));
        int rows = erase(visitor.userId());
        log.info("personal data of user {} deleted on their request: {} rows", visitor.userId(), rows);
    }

    /** Staff accounts cannot delete themselves here; everybody else can. */
    @Transactional(readOnly = true)
    public boolean mayDeleteThemselves(Visitor visitor) {
        return staff.find(visitor.userId()).isEmpty();
    }

    /**
     * Deletes anonymous users (no e-mail address) not seen since {@link RetentionProperties#anonymousInactiveAfter()}
     * before now, each in a transaction of their own, with the same deletion as {@link #deleteEverything}.
     *
     * @return how many users were deleted
     */
    public int deleteInactiveAnonymousUsers() {
        Instant cutoff = clock.instant().minus(retention.anonymousInactiveAfter());
        int deleted = 0;
        int failed = 0;
        List<AccountData.Inactive> batch;
        do {
            batch = accounts.inactiveAnonymous(cutoff, RETENTION_BATCH);
            int progress = 0;
            for (AccountData.Inactive inactive : batch) {
                try {
                    if (Boolean.TRUE.equals(transaction.execute(status -> deleteIfStillInactive(inactive, cutoff)))) {
                        deleted++;
                        progress++;
                    }
                } catch (DataAccessException e) {
                    // one person that cannot be deleted must not keep everybody else: on to the next
                    failed++;
                    log.warn("retention: user {} not deleted: {}", inactive.userId(), e.getClass().getSimpleName());
                }
            }
            if (progress == 0) {
                break;
            }
        } while (batch.size() == RETENTION_BATCH);
        if (failed > 0) {
            log.warn("retention: {} user(s) could not be deleted and are tried again at the next run", failed);
        }
        return deleted;
    }

    private boolean deleteIfStillInactive(AccountData.Inactive inactive, Instant cutoff) {
        // checked again under a lock: the person may have come back since the list was made
        if (!accounts.lockIfStillInactive(inactive.userId(), cutoff)) {
            return false;
        }
        audit.record(AuditEvent.of(Actor.system(), AuditAction.DELETE, AuditEvent.PERSONAL_DATA, null,
                inactive.userId(), inactive.organisation()));
        erase(inactive.userId());
        return true;
    }

    /**
     * Deletes a demo account with everything it made, as the system (demo accounts are switched off). A demo staff
     * account that handled real handoffs cannot be deleted this way (those records point at it); the caller reports it.
     */
    @Transactional
    public void deleteDemoAccount(UserId user) {
        audit.record(AuditEvent.of(Actor.system(), AuditAction.DELETE, AuditEvent.ACCOUNT, "demo", user,
                OrganisationId.DEFAULT));
        int rows = erase(user);
        log.info("demo account {} deleted because demo accounts are switched off: {} rows", user, rows);
    }

    /** The configured retention, for the privacy page. */
    public RetentionProperties retention() {
        return retention;
    }

    private ExportDocument gather(Visitor visitor, Locale locale, String format) {
        audit.record(AuditEvent.of(Actor.person(visitor), AuditAction.EXPORT, AuditEvent.PERSONAL_DATA, format,
                visitor.userId(), visitor.organisationId()));
        Locale language = SpiegelI18NProvider.supported(locale);
        List<PersonalDataSection> sections = new ArrayList<>();
        contributors.orderedStream().forEach(contributor ->
                sections.addAll(contributor.export(visitor.userId(), language)));
        sections.add(new PersonalDataSection("auditTrail", auditTrail(visitor)));
        log.info("personal data of user {} exported as {}", visitor.userId(), format);
        return new ExportDocument(visitor.userId(), clock.instant().truncatedTo(ChronoUnit.SECONDS), language,
                sections);
    }

    private List<Map<String, Object>> auditTrail(Visitor visitor) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SubjectAccess access : audit.aboutMe(visitor)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", access.at());
            entry.put("action", access.action().name());
            entry.put("recordType", access.recordType());
            entry.put("actorRole", access.actorRole());
            entry.put("actorName", access.actorName());
            entry.put("byYou", access.byYou());
            entries.add(entry);
        }
        return entries;
    }

    /** Every module's rows in order, the user row last, then the person's pseudonym on the audit trail. */
    private int erase(UserId user) {
        int rows = contributors.orderedStream().mapToInt(contributor -> contributor.delete(user)).sum();
        audit.forget(user);
        // logged in on other devices: those sessions end too (the caller ends the current one)
        sessions.endOtherSessions(user);
        return rows;
    }
}
