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

    /** The answers so far, in the order given, for a reader outside this module (a therapist the person shared with). */
    public java.util.List<ScreenerAnswer> answersInWords() {
        return screener.answers().stream().map(answer -> new ScreenerAnswer(answer.question().messageKey(),
                answer.yes(), answer.fromWords())).toList();
    }

    /** The grade as a stable lower-case code (none, low, moderate, high). */
    public String gradeCode() {
        return grade().code();
    }
}
