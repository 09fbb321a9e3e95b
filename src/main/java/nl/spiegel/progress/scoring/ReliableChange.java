package nl.spiegel.progress.scoring;

/**
 * Jacobson and Truax's (1991) reliable change index: is the difference between two scores larger than measurement
 * error alone would make it, at the 95% level? RCI = (after - before) / S_diff, with S_diff = sqrt(2) * SE and
 * SE = SD * sqrt(1 - r); |RCI| > 1.96 is reliable change. A lower score is better on the PHQ-9 and the GAD-7.
 *
 * @param sDiff the standard error of the difference between two scores, in points
 */
public record ReliableChange(double sDiff) {

    /** The 95% two-sided critical value of the standard normal distribution. */
    public static final double CRITICAL_Z = 1.96;

    public enum Direction {
        IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED;

        /** For translation keys and data attributes: {@code improved}, {@code no-reliable-change}, ... */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ReliableChange {
        if (!(sDiff > 0)) {
            throw new IllegalArgumentException("S_diff must be positive, not " + sDiff);
        }
    }

    /** From the standard deviation of a reference sample and the measure's reliability (0 < r < 1). */
    public static ReliableChange jacobsonTruax(double sd, double reliability) {
        if (!(reliability > 0 && reliability < 1)) {
            throw new IllegalArgumentException("reliability must lie between 0 and 1, not " + reliability);
        }
        return new ReliableChange(Math.sqrt(2) * sd * Math.sqrt(1 - reliability));
    }

    /**
     * From a published criterion for reliable change in points, which is the 95% critical difference
     * {@code 1.96 * S_diff}.
     */
    public static ReliableChange ofCriticalDifference(double points) {
        return new ReliableChange(points / CRITICAL_Z);
    }

    /**
     * The criteria Spiegel uses (docs/progress.md gives the sources): a change of 6 or more points on the PHQ-9 and 4
     * or more on the GAD-7 is reliable, the criteria NHS Talking Therapies (formerly IAPT) applies to these two
     * measures.
     */
    public static ReliableChange of(Instrument instrument) {
        return switch (instrument) {
            case PHQ9 -> ofCriticalDifference(6);
            case GAD7 -> ofCriticalDifference(4);
        };
    }

    /** The smallest change in points that counts as reliable. */
    public double criticalDifference() {
        return CRITICAL_Z * sDiff;
    }

    public double index(int before, int after) {
        return (after - before) / sDiff;
    }

    public Direction between(int before, int after) {
        double index = index(before, after);
        // a change exactly at the criterion counts: published criteria are stated as "6 or more points"
        double bound = CRITICAL_Z - 1e-9;
        if (index <= -bound) {
            return Direction.IMPROVED;
        }
        if (index >= bound) {
            return Direction.DETERIORATED;
        }
        return Direction.NO_RELIABLE_CHANGE;
    }
}
