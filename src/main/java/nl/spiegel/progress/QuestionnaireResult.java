package nl.spiegel.progress;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.Score;

/** One questionnaire a person filled in, with its score computed from the stored answers. */
public record QuestionnaireResult(UUID id, Score score, Instant completedAt) {

    public QuestionnaireResult {
        Objects.requireNonNull(id);
        Objects.requireNonNull(score);
        Objects.requireNonNull(completedAt);
    }

    public Instrument instrument() {
        return score.instrument();
    }
}
