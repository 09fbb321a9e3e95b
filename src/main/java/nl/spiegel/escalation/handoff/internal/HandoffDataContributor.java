package nl.spiegel.escalation.handoff.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.spiegel.escalation.handoff.Author;
import nl.spiegel.escalation.handoff.Escalation;
import nl.spiegel.escalation.handoff.HandoffEvent;
import nl.spiegel.escalation.handoff.HandoffMessage;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.privacy.PersonalDataContributor;
import nl.spiegel.privacy.PersonalDataSection;

/**
 * A person's requests to talk to a human: the live conversation, the way to contact them they left and the
 * therapist's note on how it ended. Read through {@link EscalationRepository}, which decrypts. Handoffs point at
 * dialogue sessions, so they go first.
 */
@Component
@Order(100)
class HandoffDataContributor implements PersonalDataContributor {

    private final EscalationRepository escalations;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;

    HandoffDataContributor(EscalationRepository escalations, StaffDirectory staff, ApplicationEventPublisher events) {
        this.escalations = escalations;
        this.staff = staff;
        this.events = events;
    }

    @Override
    public List<PersonalDataSection> export(UserId person, Locale locale) {
        return List.of(new PersonalDataSection("handoffs",
                escalations.findAll(person).stream().map(this::handoff).toList()));
    }

    private Map<String, Object> handoff(Escalation escalation) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("escalationId", escalation.id().toString());
        item.put("sessionId", escalation.session() == null ? null : escalation.session().toString());
        item.put("status", escalation.status().name());
        item.put("riskLevel", escalation.level().name());
        item.put("riskRules", String.join(", ", escalation.ruleIds()));
        item.put("requestedAt", escalation.requestedAt());
        item.put("acceptedAt", escalation.acceptedAt());
        // the therapist by the name they showed the person, not by their account id
        item.put("therapist", escalation.therapist().flatMap(staff::find).map(StaffMember::displayName)
                .orElse(null));
        item.put("timedOutAt", escalation.timedOutAt());
        item.put("closedAt", escalation.closedAt());
        item.put("contactRequest", escalations.contactRequest(escalation.id()).orElse(null));
        item.put("outcomeNote", escalations.outcomeNote(escalation.id()).orElse(null));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (HandoffMessage message : escalations.messages(escalation.id())) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("from", message.author() == Author.PERSON ? "you" : "therapist");
            line.put("text", message.text());
            line.put("at", message.at());
            messages.add(line);
        }
        item.put("messages", messages);
        return item;
    }

    @Override
    public int delete(UserId person) {
        var open = escalations.findOpen(person);
        int rows = escalations.deleteAll(person);
        // a therapist still in the conversation, or with the request in their queue, sees it end (after the commit)
        open.ifPresent(escalation -> events.publishEvent(
                new HandoffEvent.Closed(escalation.id(), escalation.organisationId())));
        return rows;
    }
}
