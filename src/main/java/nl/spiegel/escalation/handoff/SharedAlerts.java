package nl.spiegel.escalation.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.audit.Actor;
import nl.spiegel.audit.AuditAction;
import nl.spiegel.audit.AuditEvent;
import nl.spiegel.audit.AuditTrail;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.handoff.internal.EscalationRepository;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;

/**
 * The person's choice, when asking for a human, whether the therapist may see the message that raised the alert
 * and their answers to the follow-up questions; and handing those out, only with that choice, only to the therapist
 * in the conversation, and every read on the audit trail. Without the choice the therapist sees the kind of risk in
 * words, nothing more.
 */
@Service
public class SharedAlerts {

    private static final Logger log = LoggerFactory.getLogger(SharedAlerts.class);

    private final HandoffService handoffs;
    private final EscalationRepository escalations;
    private final StaffDirectory staff;
    private final DialogueService dialogues;
    private final ScreeningService screenings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SharedAlerts(HandoffService handoffs, EscalationRepository escalations, StaffDirectory staff,
                 DialogueService dialogues, ScreeningService screenings, AuditTrail audit,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.handoffs = handoffs;
        this.escalations = escalations;
        this.staff = staff;
        this.dialogues = dialogues;
        this.screenings = screenings;
        this.audit = audit;
    }

    /**
     * Changes the person's choice while the request waits or the conversation is live; the therapist's screen
     * follows at its next update.
     *
     * @return the escalation as it is now
     */
    @Transactional
    public Escalation choose(Visitor visitor, EscalationId id, boolean share) {
        Escalation escalation = handoffs.escalation(visitor, id);
        if (!escalations.setSharesAlert(id, visitor.userId(), share)) {
            throw new HandoffStateException(id, escalation.status());
        }
        log.info("handoff {}: person {} sharing the alert", id, share ? "is" : "is not");
        events.publishEvent(new HandoffEvent.SharingChanged(id, escalation.organisationId()));
        return handoffs.escalation(visitor, id);
    }

    /**
     * The person's words and answers, for the therapist in the conversation, when the person agreed.
     *
     * @throws HandoffAccessDeniedException when the person did not agree, or the therapist is not the one in the
     *                                      conversation (recorded on the audit trail)
     */
    @Transactional(readOnly = true)
    public SharedAlert read(UserId therapist, EscalationId id) {
        Escalation escalation;
        try {
            escalation = handoffs.escalation(therapist, id);
            if (!escalation.sharesAlert()) {
                throw new HandoffAccessDeniedException("the person did not agree to share the alert");
            }
        } catch (HandoffAccessDeniedException denied) {
            audit.recordDenied(therapist, AuditEvent.HANDOFF_ALERT, id.toString(), null,
                    escalations.find(id).map(Escalation::organisationId).orElse(null));
            throw denied;
        }
        StaffMember member = staff.find(therapist).orElseThrow();
        // reading what the person wrote and answered: on the audit trail (NEN 7513)
        audit.record(AuditEvent.of(Actor.staff(member), AuditAction.VIEW, AuditEvent.HANDOFF_ALERT, id.toString(),
                escalation.person(), escalation.organisationId()));
        String message = dialogues.sharedRiskyMessage(escalation.person(), escalation.session()).orElse(null);
        return new SharedAlert(message, screenings.latestShared(escalation.person(), escalation.session())
                .map(Screening::screener).map(screener -> screener.answers()).orElse(java.util.List.of()));
    }
}
