package nl.spiegel.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.spiegel.audit.internal.AuditRepository;
import nl.spiegel.audit.internal.AuditRepository.Pseudonym;
import nl.spiegel.audit.internal.ClientContext;
import nl.spiegel.audit.internal.CsvWriter;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;

/**
 * The append-only access trail (NEN 7513): who viewed, changed, exported or deleted whose data, when and from where.
 * Never any content. Services call {@link #record} right where the access happens, because Vaadin Push messages pass
 * no servlet filter.
 *
 * <p>There is no method to change or remove an entry, and the database refuses both. People appear on the trail
 * under a pseudonym; {@link #forget} deletes a deleted person's pseudonym, after which their entries stay but point
 * to nobody.
 *
 * <p>Reading the trail is for ORG_ADMIN (their own organisation only, enforced in the query) and PLATFORM_ADMIN; the
 * role is looked up in the database, not taken from the screen. Every read and export is itself recorded.
 */
@Service
public class AuditTrail {

    /** Most entries a person is shown about themselves. */
    static final int ABOUT_ME_LIMIT = 500;

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRepository repository;
    private final ClientContext client;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditTrail(AuditRepository repository, ClientContext client, StaffDirectory staff, Clock clock,
               PlatformTransactionManager transactions) {
        this.repository = repository;
        this.client = client;
        this.staff = staff;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Appends one entry. Inside a writing transaction it becomes part of it (a change that rolls back leaves no
     * entry); in a read-only transaction, or none, it is written in a transaction of its own, before the caller reads
     * anything more.
     */
    public void record(AuditEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            insert(event);
        } else {
            ownTransaction.executeWithoutResult(status -> insert(event));
        }
    }

    /**
     * Records that a user was refused access. The caller is about to throw, which rolls its own transaction back, so
     * the entry is written once that transaction has ended, in a transaction of its own (also free of any lock the
     * caller held).
     *
     * @param organisation the organisation of the record asked for, when known
     */
    public void recordDenied(UserId user, String recordType, String recordId, UserId subject,
                             OrganisationId organisation) {
        Actor actor = new Actor(user, staff.find(user).map(member -> member.role().name()).orElse(Role.CLIENT.name()));
        AuditEvent event = AuditEvent.of(actor, AuditAction.ACCESS_DENIED, recordType, recordId, subject, organisation);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    ownTransaction.executeWithoutResult(own -> insert(event));
                }
            });
        } else {
            ownTransaction.executeWithoutResult(own -> insert(event));
        }
    }

    /**
     * Entries matching the query, newest first, for an administrator: an ORG_ADMIN only gets those of their own
     * organisation. The read itself is recorded.
     *
     * @throws AccessDeniedException when the requester is no ORG_ADMIN or PLATFORM_ADMIN (the attempt is recorded)
     */
    @Transactional
    public List<AuditEntry> search(UserId requester, AuditQuery query) {
        StaffMember admin = administrator(requester);
        record(AuditEvent.of(Actor.staff(admin), AuditAction.VIEW, AuditEvent.AUDIT_TRAIL, null, null,
                admin.organisationId()));
        return repository.search(query, scope(admin));
    }

    /**
     * Writes the entries matching the query as CSV (UTF-8), for an administrator, with the same scope as
     * {@link #search}. The export itself is recorded, before the entries are read, so it is part of what it exports.
     *
     * @return how many entries were written
     * @throws AccessDeniedException when the requester is no ORG_ADMIN or PLATFORM_ADMIN (the attempt is recorded)
     */
    @Transactional
    public int exportCsv(UserId requester, AuditQuery query, OutputStream out) throws IOException {
        StaffMember admin = administrator(requester);
        record(AuditEvent.of(Actor.staff(admin), AuditAction.EXPORT, AuditEvent.AUDIT_TRAIL, null, null,
                admin.organisationId()));
        List<AuditEntry> entries = repository.search(query, scope(admin));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter.write(entries, writer);
        writer.flush();
        log.info("audit trail export of {} entries by {}", entries.size(), admin.userId());
        return entries.size();
    }

    /** What happened with a person's data, for that person: newest first, refused attempts left out. */
    @Transactional(readOnly = true)
    public List<SubjectAccess> aboutMe(Visitor person) {
        return repository.aboutSubject(person.userId(), ABOUT_ME_LIMIT).stream()
                .filter(entry -> entry.action() != AuditAction.ACCESS_DENIED)
                .map(entry -> new SubjectAccess(entry.occurredAt(), entry.action(), entry.recordType(),
                        entry.actorRole(), actorName(entry), person.userId().equals(entry.actor())))
                .toList();
    }

    /**
     * Forgets a deleted person: their pseudonym and address key go, so every entry by or about them stays but can no
     * longer be tied to them. The database refuses this while the person's user row still exists.
     *
     * @return whether the person had a pseudonym
     */
    @Transactional
    public boolean forget(UserId person) {
        return repository.forget(person) > 0;
    }

    private void insert(AuditEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Pseudonym actor = pseudonym(event.actor().userId(), now);
        Pseudonym onBehalfOf = pseudonym(event.onBehalfOf(), now);
        Pseudonym subject = pseudonym(event.subject(), now);
        ClientContext.Snapshot from = client.current();
        byte[] address = from.address() == null || actor == null ? null
                : repository.encryptAddress(from.address(), actor);
        repository.insert(new AuditRepository.Row(now, ref(actor), event.actor().role(), ref(onBehalfOf),
                ref(subject), event.organisation(), event.recordType(), event.recordId(), event.action(), address,
                from.sessionRef()));
    }

    /** Made on first use, in the same transaction as the entry, so that whatever reads the entry also sees it. */
    private Pseudonym pseudonym(UserId user, Instant now) {
        return user == null ? null : repository.pseudonymOf(user, now);
    }

    private static String ref(Pseudonym pseudonym) {
        return pseudonym == null ? null : pseudonym.ref();
    }

    private StaffMember administrator(UserId requester) {
        Optional<StaffMember> member = staff.find(requester);
        if (member.isEmpty() || !(member.get().role() == Role.ORG_ADMIN
                || member.get().role() == Role.PLATFORM_ADMIN)) {
            recordDenied(requester, AuditEvent.AUDIT_TRAIL, null, null,
                    member.map(StaffMember::organisationId).orElse(null));
            log.warn("user {} was refused the audit trail", requester);
            throw new AccessDeniedException("only administrators can read the audit trail");
        }
        return member.get();
    }

    /** ORG_ADMINs see their own organisation only; PLATFORM_ADMINs see all. */
    private static OrganisationId scope(StaffMember admin) {
        return admin.role() == Role.PLATFORM_ADMIN ? null : admin.organisationId();
    }

    private String actorName(AuditEntry entry) {
        if (entry.actor() == null) {
            return null;
        }
        return staff.find(entry.actor()).map(StaffMember::displayName).orElse(null);
    }
}
