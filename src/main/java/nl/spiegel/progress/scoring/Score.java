package nl.spiegel.progress.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of one filled-in questionnaire. A form with a skipped item is incomplete and has no total and no band
 * (the PHQ-9 manual's rule, applied to the GAD-7 too): a total of fewer items would look better than it is.
 *
 * @param answers one entry per item, 0..3, or null for a skipped item
 */
public record Score(Instrument instrument, List<Integer> answers) {

    public Score {
        Objects.requireNonNull(instrument);
        if (answers.size() != instrument.items()) {
            throw new IllegalArgumentException(instrument + " has " + instrument.items() + " items, not "
                    + answers.size());
        }
        for (Integer answer : answers) {
            if (answer != null && (answer < 0 || answer > Instrument.MAX_ANSWER)) {
                throw new IllegalArgumentException("answer " + answer + " outside 0.." + Instrument.MAX_ANSWER);
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

    /** The sum of the items; empty when an item was skipped. */
    public OptionalInt total() {
        return complete() ? OptionalInt.of(answers.stream().mapToInt(Integer::intValue).sum()) : OptionalInt.empty();
    }

    /** The band of the total; null when incomplete. */
    public Band band() {
        OptionalInt total = total();
        return total.isPresent() ? instrument.band(total.getAsInt()) : null;
    }

    /**
     * PHQ-9 item 9 (thoughts of being better off dead or of hurting oneself) answered above "not at all": the risk
     * flow starts at once, whatever the total and also when other items were skipped.
     */
    public boolean asksForSafetyCheck() {
        if (instrument != Instrument.PHQ9) {
            return false;
        }
        Integer item9 = answers.get(8);
        return item9 != null && item9 > 0;
    }
}
