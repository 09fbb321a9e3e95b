package nl.spiegel.escalation.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.handoff.internal.EscalationRepository;
import nl.spiegel.identity.AccountSessions;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.SessionEnded;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.shared.database.SharedRateLimits;
import nl.spiegel.risk.RiskLevel;

/**
 * The live handoff from a person in crisis to a therapist: request, accept (one winner), chat, close, and the
 * timeout that tells the person honestly that nobody is available. Every step is stored.
 *
 * <p>Access is checked here, not only in the views: person-side methods only work on the visitor's own escalation;
 * therapist-side methods need a staff account with the THERAPIST role in the same organisation (looked up in the
 * database, so an anonymous visitor's id is refused), and the chat only accepts the therapist who accepted.
 */
@Service
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");
    private static final int RULE_IDS_MAX_LENGTH = 1000;
    static final int CONTACT_MAX_LENGTH = 500;
    static final int OUTCOME_MAX_LENGTH = 4000;

    private final EscalationRepository escalations;
    private final StaffDirectory staff;
    private final OnDutyRegistry onDuty;
    private final ApplicationEventPublisher events;
    private final HandoffProperties properties;
    private final Clock clock;
    private final AuditTrail audit;
    private final AccountSessions sessions;
    private final SharedRateLimits.Budget perVisitor;
    private final SharedRateLimits.Budget perAddress;
    /** The organisations with a therapist on duty at this node's previous look; null before the first. */
    private Set<OrganisationId> staffedAtLastLook;

    HandoffService(EscalationRepository escalations, StaffDirectory staff, OnDutyRegistry onDuty,
                   ApplicationEventPublisher events, HandoffProperties properties, Clock clock, AuditTrail audit,
                   AccountSessions sessions, SharedRateLimits limits) {
        this.sessions = sessions;
        // in the database: every app node takes from the same budgets
        this.perVisitor = limits.budget("handoff-visitor", properties.requestsPerVisitor(),
                properties.requestWindow());
        this.perAddress = limits.budget("handoff-address", properties.requestsPerAddress(),
                properties.requestWindow());
        this.escalations = escalations;
        this.staff = staff;
        this.onDuty = onDuty;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- the person ----

    /**
     * Asks for a human now. A person with a request that is still waiting or live gets that one back (pressing the
     * button twice, or coming back after a reload, does not queue them twice).
     *
     * @param ruleIds ids of the risk rules that fired; anything that does not look like an id is dropped, so no
     *                text can travel to the therapists' screens this way
     * @throws HandoffRateLimitedException after {@code spiegel.handoff.requests-per-visitor} new requests of one
     *                                     visitor, or {@code requests-per-address} from one network address, within
     *                                     the request window: the queue cannot be flooded with fake crises. The
     *                                     screen then shows the crisis contacts.
     */
    @Transactional
    public Escalation request(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds) {
        return request(visitor, session, level, ruleIds, false);
    }

    /**
     * Asks for a human now, with the person's choice whether the therapist may see the message that raised the
     * alert and their answers to the follow-up questions ({@link SharedAlerts}).
     */
    @Transactional
    public Escalation request(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds,
                              boolean shareAlert) {
        return request(visitor, session, level, ruleIds, shareAlert, sessions.clientAddress());
    }

    /** The same, from the given network address ({@code "unknown"} when there is no request), sharing nothing. */
    @Transactional
    public Escalation request(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds,
                              String address) {
        return request(visitor, session, level, ruleIds, false, address);
    }

    /** The same, with the person's share choice, from the given network address. */
    @Transactional
    public Escalation request(Visitor visitor, SessionId session, RiskLevel level, List<String> ruleIds,
                              boolean shareAlert, String address) {
        Optional<Escalation> open = escalations.findOpen(visitor.userId());
        if (open.isPresent()) {
            return named(open.get());
        }
        if (!perVisitor.take(visitor.userId().toString())
                || !("unknown".equals(address) || perAddress.take(address))) {
            log.warn("handoff request of {} refused: too many requests from this visitor or network address",
                    visitor.userId());
            throw new HandoffRateLimitedException();
        }
        Escalation escalation = new Escalation(EscalationId.random(), visitor.organisationId(), visitor.userId(),
                session, level == null ? RiskLevel.NONE : level, onlyIds(ruleIds), EscalationStatus.REQUESTED,
                clock.instant(), null, null, null, null, null, false, shareAlert);
        escalations.insert(escalation);
        log.info("handoff {} requested with risk {} on session {}; {} therapist(s) on duty", escalation.id(),
                escalation.level(), session, onDuty.count(visitor.organisationId()));
        events.publishEvent(new HandoffEvent.Requested(escalation.id(), escalation.organisationId(),
                escalation.level(), escalation.ruleIds(), escalation.requestedAt()));
        if (onDuty.count(visitor.organisationId()) == 0 && escalations.timeOut(escalation.id(), clock.instant())) {
            // nobody to wait for: the person is told at once, not after the accept timeout
            log.info("handoff {} timed out at once: nobody on duty", escalation.id());
            events.publishEvent(new HandoffEvent.TimedOut(escalation.id(), escalation.organisationId()));
            return named(escalations.find(escalation.id()).orElseThrow());
        }
        return escalation;
    }

    @Transactional(readOnly = true)
    public Escalation escalation(Visitor visitor, EscalationId id) {
        return named(own(visitor, id));
    }

    /** The person's latest request that came from this dialogue session, so a reload can show where it stands. */
    @Transactional(readOnly = true)
    public Optional<Escalation> latest(Visitor visitor, SessionId session) {
        if (session == null) {
            return Optional.empty();
        }
        return escalations.findLatest(visitor.userId(), session)
                .filter(found -> found.organisationId().equals(visitor.organisationId())).map(this::named);
    }

    @Transactional(readOnly = true)
    public List<HandoffMessage> conversation(Visitor visitor, EscalationId id) {
        own(visitor, id);
        return escalations.messages(id);
    }

    @Transactional
    public HandoffMessage sendFromPerson(Visitor visitor, EscalationId id, String text) {
        Escalation escalation = own(visitor, id);
        return post(escalation, Author.PERSON, text);
    }

    /** What the person leaves so the team can contact them later (a phone number, an e-mail address, a time). */
    @Transactional
    public void leaveContact(Visitor visitor, EscalationId id, String contact) {
        Escalation escalation = own(visitor, id);
        String text = checkedText(contact, CONTACT_MAX_LENGTH);
        if (!escalations.saveContact(id, visitor.userId(), text, clock.instant())) {
            throw new HandoffStateException(id, escalation.status());
        }
        log.info("handoff {}: contact request left", id);
        events.publishEvent(new HandoffEvent.ContactLeft(id, escalation.organisationId()));
    }

    /** Therapists of this organisation on duty right now; the person's screen says so honestly when it is none. */
    public int therapistsOnDuty(OrganisationId organisation) {
        return onDuty.count(organisation);
    }

    public HandoffProperties settings() {
        return properties;
    }

    // ---- the therapist ----

    @Transactional
    public void setOnDuty(UserId therapist, boolean on) {
        StaffMember member = therapist(therapist);
        if (onDuty.set(member, on)) {
            log.info("therapist {} {} duty", therapist, on ? "on" : "off");
            dutyChanged(member.organisationId());
        }
    }

    /**
     * Takes a therapist off duty because their workspace closed or their session ended, so nobody is told that
     * someone is there when nobody is.
     */
    @Transactional
    public void endDuty(UserId therapist) {
        OrganisationId organisation = onDuty.clear(therapist);
        if (organisation != null) {
            log.info("therapist {} off duty: workspace closed or session ended", therapist);
            dutyChanged(organisation);
        }
    }

    @EventListener
    void onSessionEnded(SessionEnded ended) {
        if (ended.role() == Role.THERAPIST) {
            endDuty(ended.user());
        }
    }

    /** The waiting people of the organisation hear at once whether anybody is on duty now. */
    private void dutyChanged(OrganisationId organisation) {
        for (Escalation waiting : escalations.findByStatus(organisation, EscalationStatus.REQUESTED)) {
            events.publishEvent(new HandoffEvent.DutyChanged(waiting.id(), organisation));
        }
    }

    public boolean isOnDuty(UserId therapist) {
        return onDuty.isOnDuty(therapist);
    }

    /**
     * Tells the people waiting in an organisation when its last therapist on duty stopped counting, or the first one
     * counts again, without anybody changing it through this service: the node of a therapist stopped, its on-duty
     * rows are no longer confirmed and after {@code on-duty-stale-after} they do not count (or a running node took a
     * row over). Without this a waiting person learned that nobody is online only when their screen was built again.
     * Each node compares with what it saw at its previous look, so every node tells its own screens and the other
     * nodes' screens through the relay; the screen only reads the count again, so hearing it twice does no harm.
     * The first look after a start only takes note: screens built after a start read the count themselves.
     */
    @Transactional
    public void announceDutyLapses() {
        Set<OrganisationId> now = onDuty.staffed();
        Set<OrganisationId> changed = new HashSet<>();
        synchronized (this) {
            if (staffedAtLastLook != null) {
                staffedAtLastLook.stream().filter(organisation -> !now.contains(organisation)).forEach(changed::add);
                now.stream().filter(organisation -> !staffedAtLastLook.contains(organisation)).forEach(changed::add);
            }
            staffedAtLastLook = now;
        }
        for (OrganisationId organisation : changed) {
            log.info("organisation {} {} therapist on duty (on-duty rows confirmed or lapsed)", organisation,
                    now.contains(organisation) ? "has a" : "has no");
            dutyChanged(organisation);
        }
    }

    /** Requests waiting in the therapist's organisation, oldest first; none while the therapist is off duty. */
    @Transactional(readOnly = true)
    public List<Escalation> openRequests(UserId therapist) {
        StaffMember member = therapist(therapist);
        if (!onDuty.isOnDuty(member.userId(), member.organisationId())) {
            return List.of();
        }
        return escalations.findByStatus(member.organisationId(), EscalationStatus.REQUESTED);
    }

    /**
     * Takes a waiting request. Only one therapist can: the second gets a {@link HandoffStateException}.
     */
    @Transactional
    public Escalation accept(UserId therapist, EscalationId id) {
        StaffMember member = therapist(therapist);
        Escalation escalation = ofOrganisation(member, id);
        if (!escalations.accept(id, member.organisationId(), member.userId(), clock.instant())) {
            throw new HandoffStateException(id, escalations.currentStatus(id).orElse(escalation.status()));
        }
        log.info("handoff {} accepted by {}", id, therapist);
        // accepting opens another person's conversation: on the audit trail (NEN 7513)
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, AuditEvent.HANDOFF, id.toString(),
                escalation.person(), escalation.organisationId()));
        events.publishEvent(new HandoffEvent.Accepted(id, member.organisationId()));
        return named(escalations.find(id).orElseThrow());
    }

    /** The live conversations this therapist accepted and did not close yet, newest first. */
    @Transactional(readOnly = true)
    public List<Escalation> myConversations(UserId therapist) {
        therapist(therapist);
        return escalations.findAccepted(therapist).stream().map(this::named).toList();
    }

    @Transactional(readOnly = true)
    public Escalation escalation(UserId therapist, EscalationId id) {
        return named(participating(therapist(therapist), id));
    }

    @Transactional(readOnly = true)
    public List<HandoffMessage> conversation(UserId therapist, EscalationId id) {
        StaffMember member;
        Escalation escalation;
        try {
            member = therapist(therapist);
            escalation = participating(member, id);
        } catch (HandoffAccessDeniedException denied) {
            audit.recordDenied(therapist, AuditEvent.HANDOFF_MESSAGES, id.toString(), null,
                    escalations.find(id).map(Escalation::organisationId).orElse(null));
            throw denied;
        }
        // reading another person's messages: on the audit trail (NEN 7513)
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, AuditEvent.HANDOFF_MESSAGES,
                id.toString(), escalation.person(), escalation.organisationId()));
        return escalations.messages(id);
    }

    @Transactional
    public HandoffMessage sendFromTherapist(UserId therapist, EscalationId id, String text) {
        Escalation escalation = participating(therapist(therapist), id);
        return post(escalation, Author.THERAPIST, text);
    }

    /**
     * Ends a live conversation (only the therapist who accepted it), or a timed-out request after following it up
     * (any therapist of the organisation), with a note on the outcome.
     */
    @Transactional
    public void close(UserId therapist, EscalationId id, String outcomeNote) {
        close(therapist, id, outcomeNote, null);
    }

    /**
     * Ends a conversation as {@link #close(UserId, EscalationId, String)}; a live one gets the closing words (with
     * the crisis contacts) as the therapist's last message, so the person keeps them in the conversation.
     *
     * @param closingWords the therapist's last message in a live conversation, or null for none
     */
    @Transactional
    public void close(UserId therapist, EscalationId id, String outcomeNote, String closingWords) {
        StaffMember member = therapist(therapist);
        Escalation escalation = ofOrganisation(member, id);
        String note = checkedText(outcomeNote, OUTCOME_MAX_LENGTH);
        switch (escalation.status()) {
            case ACCEPTED -> {
                if (!member.userId().equals(escalation.acceptedBy())) {
                    throw new HandoffAccessDeniedException("only the therapist in the conversation can close it");
                }
            }
            case TIMED_OUT -> {
                // a follow-up of a request nobody could take in time
            }
            default -> throw new HandoffStateException(id, escalation.status());
        }
        if (escalation.status() == EscalationStatus.ACCEPTED && closingWords != null && !closingWords.isBlank()) {
            // in the same transaction: when the close loses a race, the closing words are not left behind
            post(escalation, Author.THERAPIST, closingWords);
        }
        if (!escalations.close(id, escalation.status(), member.userId(), note, clock.instant())) {
            throw new HandoffStateException(id, escalations.currentStatus(id).orElse(escalation.status()));
        }
        log.info("handoff {} closed by {} from {}", id, therapist, escalation.status());
        events.publishEvent(new HandoffEvent.Closed(id, escalation.organisationId()));
    }

    /** Timed-out requests with a way to contact the person, for the therapists of the organisation. */
    @Transactional(readOnly = true)
    public List<CallbackRequest> callbacks(UserId therapist) {
        StaffMember member = therapist(therapist);
        List<CallbackRequest> requests = escalations.callbacks(member.organisationId());
        // contact details of people in crisis: every one shown is on the audit trail (NEN 7513)
        for (CallbackRequest request : requests) {
            Escalation escalation = request.escalation();
            audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, AuditEvent.CALLBACK_REQUEST,
                    escalation.id().toString(), escalation.person(), escalation.organisationId()));
        }
        return requests;
    }

    /**
     * The outcome note of a closed handoff, for the therapist who took part in it (accepted or closed it) and for the
     * administrators of its organisation; every read and every refusal is on the audit trail.
     */
    @Transactional(readOnly = true)
    public Optional<String> outcomeNote(UserId reader, EscalationId id) {
        StaffMember member;
        Escalation escalation;
        try {
            member = staff.find(reader)
                    .orElseThrow(() -> new HandoffAccessDeniedException("only staff read outcome notes"));
            escalation = ofOrganisation(member, id);
            boolean involved = member.isTherapist() && (reader.equals(escalation.acceptedBy())
                    || escalations.closedBy(id).filter(reader::equals).isPresent());
            if (!involved && member.role() != Role.ORG_ADMIN) {
                throw new HandoffAccessDeniedException("not involved in this handoff");
            }
        } catch (HandoffAccessDeniedException denied) {
            audit.recordDenied(reader, AuditEvent.OUTCOME_NOTE, id.toString(), null,
                    escalations.find(id).map(Escalation::organisationId).orElse(null));
            throw denied;
        }
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, AuditEvent.OUTCOME_NOTE, id.toString(),
                escalation.person(), escalation.organisationId()));
        return escalations.outcomeNote(id);
    }

    // ---- the timeout ----

    /** Marks requests nobody accepted within the timeout as TIMED_OUT and tells the person. */
    @Transactional
    public int expireUnanswered() {
        return expireUnanswered(clock.instant());
    }

    @Transactional
    public int expireUnanswered(Instant now) {
        int expired = 0;
        for (Escalation waiting : escalations.findRequestedBefore(now.minus(properties.acceptTimeout()))) {
            // conditional: an accept that came in just now wins
            if (escalations.timeOut(waiting.id(), now)) {
                expired++;
                log.info("handoff {} timed out with risk {}: nobody accepted within {}", waiting.id(),
                        waiting.level(), properties.acceptTimeout());
                events.publishEvent(new HandoffEvent.TimedOut(waiting.id(), waiting.organisationId()));
            }
        }
        return expired;
    }

    // ---- checks ----

    private HandoffMessage post(Escalation escalation, Author author, String text) {
        if (escalation.status() != EscalationStatus.ACCEPTED) {
            throw new HandoffStateException(escalation.id(), escalation.status());
        }
        String checked = checkedText(text, properties.maxMessageLength());
        Instant now = clock.instant();
        long id = escalations.insertMessage(escalation.id(), escalation.organisationId(), author, checked, now);
        events.publishEvent(new HandoffEvent.MessagePosted(escalation.id(), escalation.organisationId(), id, author));
        return new HandoffMessage(id, escalation.id(), author, checked, now);
    }

    private Escalation own(Visitor visitor, EscalationId id) {
        return escalations.find(id)
                .filter(found -> found.person().equals(visitor.userId())
                        && found.organisationId().equals(visitor.organisationId()))
                .orElseThrow(() -> new HandoffAccessDeniedException("not this person's escalation"));
    }

    private StaffMember therapist(UserId userId) {
        return staff.find(userId).filter(StaffMember::isTherapist)
                .orElseThrow(() -> new HandoffAccessDeniedException("only therapists can do this"));
    }

    private Escalation ofOrganisation(StaffMember member, EscalationId id) {
        return escalations.find(id)
                .filter(found -> found.organisationId().equals(member.organisationId()))
                .orElseThrow(() -> new HandoffAccessDeniedException("escalation of another organisation"));
    }

    private Escalation participating(StaffMember member, EscalationId id) {
        Escalation escalation = ofOrganisation(member, id);
        if (!member.userId().equals(escalation.acceptedBy())) {
            throw new HandoffAccessDeniedException("not this therapist's conversation");
        }
        return escalation;
    }

    private static String checkedText(String text, int maxLength) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        if (stripped.codePointCount(0, stripped.length()) > maxLength) {
            throw new IllegalArgumentException("too long");
        }
        return stripped;
    }

    private static List<String> onlyIds(List<String> ruleIds) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String ruleId : ruleIds == null ? List.<String>of() : ruleIds) {
            if (ruleId != null && RULE_ID.matcher(ruleId).matches() && !kept.contains(ruleId)
                    && length + ruleId.length() + 1 <= RULE_IDS_MAX_LENGTH) {
                kept.add(ruleId);
                length += ruleId.length() + 1;
            }
        }
        return List.copyOf(kept);
    }

    private Escalation named(Escalation escalation) {
        if (escalation.acceptedBy() == null) {
            return escalation;
        }
        String name = staff.find(escalation.acceptedBy()).map(StaffMember::displayName).orElse("");
        return new Escalation(escalation.id(), escalation.organisationId(), escalation.person(), escalation.session(),
                escalation.level(), escalation.ruleIds(), escalation.status(), escalation.requestedAt(),
                escalation.acceptedBy(), name, escalation.acceptedAt(), escalation.timedOutAt(),
                escalation.closedAt(), escalation.contactLeft(), escalation.sharesAlert());
    }
}
