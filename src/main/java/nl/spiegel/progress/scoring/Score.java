package nl.spiegel.progress.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import nl.spiegel.dialogue.engine.QuestionnaireOutcome;

/**
 * The outcome of one filled-in questionnaire. A form with a skipped item is incomplete and has no total and no band
 * (the PHQ-9 manual's rule, applied to the GAD-7 too): a total of fewer items would look better than it is.
 *
 * @param answers one entry per item, a value of the script's answer scale (0..3), or null for a skipped item
 */
public record Score(Instrument instrument, List<Integer> answers) {

    public Score {
        Objects.requireNonNull(instrument);
        if (answers.size() != instrument.items()) {
            throw new IllegalArgumentException(instrument + " has " + instrument.items() + " items, not "
                    + answers.size());
        }
        for (Integer answer : answers) {
            if (answer != null && !instrument.answers().contains(answer)) {
                throw new IllegalArgumentException("answer " + answer + " is not on the scale " + instrument.answers());
            }
        }
        // List.copyOf refuses nulls, and a skipped item is a null
        answers = Collections.unmodifiableList(new ArrayList<>(answers));
    }

    public boolean complete() {
        return answers.stream().allMatch(Objects::nonNull);
    }

    public int answered() {
        return (int) answers.stream().filter(Objects::nonNull).count();
    }

    /** The script's scoring of these answers. */
    public QuestionnaireOutcome outcome() {
        Map<String, Integer> byItem = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) != null) {
                byItem.put(instrument.itemId(i + 1), answers.get(i));
            }
        }
        return instrument.definition().score(byItem);
    }

    /** The sum of the items; empty when an item was skipped. */
    public OptionalInt total() {
        return outcome().total();
    }

    /** The band of the total; null when incomplete. */
    public Band band() {
        return outcome().band().map(rule -> Band.ofCode(rule.band())).orElse(null);
    }

    /**
     * The script's safety rules: PHQ-9 item 9 (thoughts of being better off dead or of hurting oneself) answered
     * above "not at all": the risk
     * flow starts at once, whatever the total and also when other items were skipped.
     */
    public boolean asksForSafetyCheck() {
        return outcome().safetyCheck();
    }
}
