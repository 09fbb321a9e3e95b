package nl.spiegel.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.internal.ScreeningRepository;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.escalation.screening.Screener;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;

/**
 * The follow-up questions after a risk signal, stored per visitor: every answer and a "you misunderstood me" are
 * recorded. A visitor only ever sees their own screenings.
 */
@Service
public class ScreeningService {

    private static final Logger log = LoggerFactory.getLogger(ScreeningService.class);

    private final ScreeningRepository screenings;
    private final Clock clock;

    ScreeningService(ScreeningRepository screenings, Clock clock) {
        this.screenings = screenings;
        this.clock = clock;
    }

    /** @param session the dialogue in which the risk showed, or null */
    @Transactional
    public Screening start(Visitor visitor, SessionId session, RiskLevel trigger) {
        return start(visitor, session, trigger, java.util.List.of());
    }

    /**
     * Starts the questions, skipping what the person already said in the message that raised the signal.
     *
     * @param ruleIds the rule ids of that message
     */
    @Transactional
    public Screening start(Visitor visitor, SessionId session, RiskLevel trigger, java.util.List<String> ruleIds) {
        Screener screener = Screener.fromRules(ruleIds);
        // said in their own words may already show high risk: then the screening is complete at once
        Screening screening = new Screening(ScreeningId.random(), session, trigger, screener, false,
                now(), screener.complete() ? now() : null);
        screenings.insert(visitor.organisationId(), visitor.userId(), screening);
        log.info("screening {} started on session {} after {}", screening.id(), session, trigger.code());
        return screening;
    }

    /**
     * Stores the answer to the question asked now; finishes the screening when it was the last one needed.
     *
     * @throws ScreeningNotFoundException when the screening is not this visitor's
     * @throws IllegalStateException      when the screening is finished or this is not the question asked now
     */
    @Transactional
    public Screening answer(Visitor visitor, ScreeningId id, Question question, boolean yes) {
        Screening current = screenings.findForUpdate(visitor.userId(), id)
                .orElseThrow(() -> new ScreeningNotFoundException(id));
        if (current.finished()) {
            throw new IllegalStateException("screening " + id + " is finished");
        }
        Screener answered = current.screener().answer(question, yes);
        Instant finishedAt = answered.complete() ? now() : null;
        Screening next = new Screening(id, current.session(), current.trigger(), answered, false,
                current.startedAt(), finishedAt);
        screenings.update(visitor.userId(), next);
        if (next.finished()) {
            log.info("screening {} graded {}", id, next.grade().code());
        }
        return next;
    }

    /**
     * Records that the person said "you misunderstood me". The answers so far keep their grade; the help stays
     * visible whatever the grade.
     *
     * @throws ScreeningNotFoundException when the screening is not this visitor's
     */
    @Transactional
    public Screening dismiss(Visitor visitor, ScreeningId id) {
        Screening current = screenings.findForUpdate(visitor.userId(), id)
                .orElseThrow(() -> new ScreeningNotFoundException(id));
        Screening dismissed = new Screening(id, current.session(), current.trigger(), current.screener(), true,
                current.startedAt(), current.finished() ? current.finishedAt() : now());
        screenings.update(visitor.userId(), dismissed);
        log.info("screening {} dismissed with grade {}", id, dismissed.grade().code());
        return dismissed;
    }

    /** The database keeps microseconds; what this service returns must equal what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public Optional<Screening> find(Visitor visitor, ScreeningId id) {
        return screenings.find(visitor.userId(), id);
    }

    /**
     * The person's latest screening in a dialogue session, for the live handoff: only after the person agreed to
     * share it, and only for the therapist in the conversation (checked and audited by the handoff).
     */
    @Transactional(readOnly = true)
    public Optional<Screening> latestShared(nl.spiegel.identity.UserId person, SessionId session) {
        return session == null ? Optional.empty() : screenings.findLatest(person, session);
    }
}
