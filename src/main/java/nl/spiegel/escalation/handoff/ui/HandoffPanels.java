package nl.spiegel.escalation.handoff.ui;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import nl.spiegel.escalation.CrisisContacts;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.ui.HumanHandoff;
import nl.spiegel.escalation.handoff.HandoffBroadcaster;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffService;
import nl.spiegel.escalation.handoff.HandoffStateException;
import nl.spiegel.escalation.handoff.SharedAlerts;
import nl.spiegel.identity.Visitor;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.LogSafe;

/** The live handoff behind the "talk to a person" buttons of the safety panel and the help dialog. */
@Component
class HandoffPanels implements HumanHandoff {

    private static final Logger log = LoggerFactory.getLogger(HandoffPanels.class);

    private final HandoffService handoffs;
    private final SharedAlerts sharing;
    private final HandoffBroadcaster broadcaster;
    private final CrisisContacts crisisContacts;

    HandoffPanels(HandoffService handoffs, SharedAlerts sharing, HandoffBroadcaster broadcaster,
                  CrisisContacts crisisContacts) {
        this.handoffs = handoffs;
        this.sharing = sharing;
        this.broadcaster = broadcaster;
        this.crisisContacts = crisisContacts;
    }

    @Override
    public com.vaadin.flow.component.Component start(SafetyContext context,
                                                     java.util.function.Consumer<Boolean> onLive) {
        return new HandoffPanel(handoffs, sharing, broadcaster, crisisContacts, context, onLive, null);
    }

    /**
     * After a reload (also after the application restarted, which costs every open screen its state): the person's
     * request from this dialogue is shown again where it stands, not a fresh screening. Still waiting: the waiting
     * screen, in the same place in the queue (the request is in the database, and the panel hears the accept);
     * nobody took it in time, also while the application was away: said so, with the crisis contacts and the way to
     * leave a contact; live or closed: the conversation.
     */
    @Override
    public Optional<com.vaadin.flow.component.Component> resume(SafetyContext context,
                                                              java.util.function.Consumer<Boolean> onLive) {
        return handoffs.latest(context.visitor(), context.session())
                .map(found -> new HandoffPanel(handoffs, sharing, broadcaster, crisisContacts, context, onLive,
                        found));
    }

    @Override
    public boolean someoneOnDuty(OrganisationId organisation) {
        return handoffs.therapistsOnDuty(organisation) > 0;
    }

    /** Leaving a contact from the help button: a request nobody could take, with the way to call back. */
    @Override
    public Optional<com.vaadin.flow.component.Component> callbackForm(Visitor visitor) {
        ContactRequestForm[] form = new ContactRequestForm[1];
        form[0] = new ContactRequestForm(contact -> {
            try {
                Escalation request = handoffs.request(visitor, null, RiskLevel.NONE, List.of());
                handoffs.leaveContact(visitor, request.id(), contact);
                form[0].show(true);
                return true;
            } catch (IllegalArgumentException | HandoffStateException | DataAccessException e) {
                log.warn("call-back request of visitor {} not stored: {}", visitor.userId(), LogSafe.describe(e));
                return false;
            }
        });
        form[0].show(false);
        return Optional.of(form[0]);
    }
}
