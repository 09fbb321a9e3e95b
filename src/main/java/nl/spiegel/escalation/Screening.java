package nl.spiegel.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.escalation.screening.Grade;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.escalation.screening.Screener;
import nl.spiegel.risk.RiskLevel;

/**
 * One run of the follow-up questions after a risk signal.
 *
 * @param session    the dialogue in which the signal came, or null when the person asked for help elsewhere
 * @param trigger    the level of the signal that started it
 * @param dismissed  the person said "you misunderstood me"; recorded, and the help stays visible
 * @param finishedAt when the last question was answered or the person dismissed it; null while running
 */
public record Screening(ScreeningId id, SessionId session, RiskLevel trigger, Screener screener, boolean dismissed,
                        Instant startedAt, Instant finishedAt) {

    public Screening {
        Objects.requireNonNull(id);
        Objects.requireNonNull(trigger);
        Objects.requireNonNull(screener);
        Objects.requireNonNull(startedAt);
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** The question to ask now; empty once finished. */
    public Optional<Question> next() {
        return finished() ? Optional.empty() : screener.next();
    }

    public Grade grade() {
        return screener.grade();
    }
}
