package nl.spiegel.progress.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreTest {

    private static List<Integer> answers(Integer... values) {
        return Arrays.asList(values);
    }

    private static List<Integer> all(Instrument instrument, int value) {
        return new ArrayList<>(Collections.nCopies(instrument.items(), value));
    }

    @Test
    void aHandComputedPhq9AddsItsItems() {
        // 1+2+0+3+1+0+2+1+0 = 10
        Score score = new Score(Instrument.PHQ9, answers(1, 2, 0, 3, 1, 0, 2, 1, 0));
        assertThat(score.complete()).isTrue();
        assertThat(score.total()).hasValue(10);
        assertThat(score.band()).isEqualTo(Band.MODERATE);
        assertThat(score.asksForSafetyCheck()).isFalse();
    }

    @Test
    void aHandComputedGad7AddsItsItems() {
        // 3+3+2+2+1+1+0 = 12
        Score score = new Score(Instrument.GAD7, answers(3, 3, 2, 2, 1, 1, 0));
        assertThat(score.total()).hasValue(12);
        assertThat(score.band()).isEqualTo(Band.MODERATE);
    }

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({"0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE",
            "15,MODERATELY_SEVERE", "19,MODERATELY_SEVERE", "20,SEVERE", "27,SEVERE"})
    void phq9BandEdges(int total, Band band) {
        assertThat(Instrument.PHQ9.band(total)).isEqualTo(band);
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({"0,MINIMAL", "4,MINIMAL", "5,MILD", "9,MILD", "10,MODERATE", "14,MODERATE", "15,SEVERE",
            "21,SEVERE"})
    void gad7BandEdges(int total, Band band) {
        assertThat(Instrument.GAD7.band(total)).isEqualTo(band);
    }

    @Test
    void theLowestAndHighestFormsGiveTheEdgeTotals() {
        assertThat(new Score(Instrument.PHQ9, all(Instrument.PHQ9, 0)).total()).hasValue(0);
        assertThat(new Score(Instrument.PHQ9, all(Instrument.PHQ9, 3)).total()).hasValue(27);
        assertThat(new Score(Instrument.PHQ9, all(Instrument.PHQ9, 3)).band()).isEqualTo(Band.SEVERE);
        assertThat(new Score(Instrument.GAD7, all(Instrument.GAD7, 3)).total()).hasValue(21);
        assertThat(new Score(Instrument.GAD7, all(Instrument.GAD7, 0)).band()).isEqualTo(Band.MINIMAL);
    }

    @Test
    void anIncompletePhq9HasNoTotalAndNoBand() {
        Score score = new Score(Instrument.PHQ9, answers(3, 3, 3, 3, 3, 3, 3, null, 0));
        assertThat(score.complete()).isFalse();
        assertThat(score.answered()).isEqualTo(8);
        assertThat(score.total()).isEmpty();
        assertThat(score.band()).isNull();
    }

    @Test
    void anIncompleteGad7HasNoTotalEither() {
        Score score = new Score(Instrument.GAD7, answers(null, null, null, null, null, null, null));
        assertThat(score.total()).isEmpty();
        assertThat(score.answered()).isZero();
    }

    @Test
    void item9AboveNotAtAllAsksForASafetyCheckWhateverTheTotal() {
        Score lowest = new Score(Instrument.PHQ9, answers(0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(lowest.total()).hasValue(1);
        assertThat(lowest.band()).isEqualTo(Band.MINIMAL);
        assertThat(lowest.asksForSafetyCheck()).isTrue();
        // also when the form is incomplete
        assertThat(new Score(Instrument.PHQ9, answers(null, null, null, null, null, null, null, null, 2))
                .asksForSafetyCheck()).isTrue();
        assertThat(new Score(Instrument.PHQ9, answers(3, 3, 3, 3, 3, 3, 3, 3, 0)).asksForSafetyCheck()).isFalse();
        assertThat(new Score(Instrument.PHQ9, answers(3, 3, 3, 3, 3, 3, 3, 3, null)).asksForSafetyCheck())
                .isFalse();
        // the GAD-7 has no such item
        assertThat(new Score(Instrument.GAD7, all(Instrument.GAD7, 3)).asksForSafetyCheck()).isFalse();
    }

    @Test
    void wrongFormsAreRefused() {
        assertThatThrownBy(() -> new Score(Instrument.PHQ9, all(Instrument.GAD7, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(Instrument.GAD7, answers(0, 0, 0, 4, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(Instrument.GAD7, answers(0, 0, 0, -1, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Instrument.PHQ9.band(28)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instrumentsAreFoundByTheirCode() {
        assertThat(Instrument.ofCode("phq9")).contains(Instrument.PHQ9);
        assertThat(Instrument.ofCode("gad7")).contains(Instrument.GAD7);
        assertThat(Instrument.ofCode("PHQ9")).isEmpty();
    }
}
