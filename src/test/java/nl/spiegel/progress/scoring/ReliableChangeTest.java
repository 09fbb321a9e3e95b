package nl.spiegel.progress.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import nl.spiegel.progress.scoring.ReliableChange.Direction;

/** The Jacobson-Truax computation against cases worked out by hand. */
class ReliableChangeTest {

    @Test
    void jacobsonTruaxFromStandardDeviationAndReliability() {
        // SD 5, r 0.84: SE = 5 * sqrt(0.16) = 2; S_diff = sqrt(2) * 2 = 2.828; critical 1.96 * 2.828 = 5.544
        ReliableChange change = ReliableChange.jacobsonTruax(5, 0.84);
        assertThat(change.sDiff()).isCloseTo(2.8284, within(1e-4));
        assertThat(change.criticalDifference()).isCloseTo(5.5437, within(1e-4));
        // 18 -> 12: RCI = -6 / 2.828 = -2.121, reliable improvement; 18 -> 13: -1.768, not reliable
        assertThat(change.index(18, 12)).isCloseTo(-2.1213, within(1e-4));
        assertThat(change.between(18, 12)).isEqualTo(Direction.IMPROVED);
        assertThat(change.between(18, 13)).isEqualTo(Direction.NO_RELIABLE_CHANGE);
        assertThat(change.between(8, 14)).isEqualTo(Direction.DETERIORATED);
    }

    @Test
    void anotherHandComputedCase() {
        // SD 4, r 0.92: SE = 4 * sqrt(0.08) = 1.1314; S_diff = 1.6; critical 3.136
        ReliableChange change = ReliableChange.jacobsonTruax(4, 0.92);
        assertThat(change.sDiff()).isCloseTo(1.6, within(1e-9));
        assertThat(change.index(10, 13)).isCloseTo(1.875, within(1e-9));
        assertThat(change.between(10, 13)).isEqualTo(Direction.NO_RELIABLE_CHANGE);
        assertThat(change.between(10, 14)).isEqualTo(Direction.DETERIORATED);
    }

    @Test
    void phq9NeedsSixPointsAndGad7FourPointsEitherWay() {
        ReliableChange phq9 = ReliableChange.of(Instrument.PHQ9);
        assertThat(phq9.criticalDifference()).isCloseTo(6, within(1e-9));
        assertThat(phq9.between(20, 14)).isEqualTo(Direction.IMPROVED);
        assertThat(phq9.between(20, 15)).isEqualTo(Direction.NO_RELIABLE_CHANGE);
        assertThat(phq9.between(3, 9)).isEqualTo(Direction.DETERIORATED);
        assertThat(phq9.between(3, 8)).isEqualTo(Direction.NO_RELIABLE_CHANGE);
        assertThat(phq9.between(12, 12)).isEqualTo(Direction.NO_RELIABLE_CHANGE);

        ReliableChange gad7 = ReliableChange.of(Instrument.GAD7);
        assertThat(gad7.between(15, 11)).isEqualTo(Direction.IMPROVED);
        assertThat(gad7.between(15, 12)).isEqualTo(Direction.NO_RELIABLE_CHANGE);
        assertThat(gad7.between(0, 4)).isEqualTo(Direction.DETERIORATED);
    }

    @Test
    void impossibleFiguresAreRefused() {
        assertThatThrownBy(() -> ReliableChange.jacobsonTruax(5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReliableChange.jacobsonTruax(5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReliableChange(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
