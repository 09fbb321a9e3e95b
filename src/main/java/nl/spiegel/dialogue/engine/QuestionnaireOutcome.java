package nl.spiegel.dialogue.engine;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The score of one filled-in questionnaire. A form with a skipped scored item has no total and no band: a total of
 * fewer items would look better than it is.
 *
 * @param safetyCheck an answer triggered one of the questionnaire's safety rules
 */
public record QuestionnaireOutcome(OptionalInt total, Optional<Node.BandRule> band, int answered, int items,
                                   boolean safetyCheck) {

    public boolean complete() {
        return total.isPresent();
    }
}
