package nl.spiegel.authoring.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nl.spiegel.authoring.Figure;
import nl.spiegel.authoring.UsageReport;

/**
 * Hides figures that count, or would let someone work out, a group of fewer than ten people.
 * <ul>
 *   <li>a figure of 1 to 9 people is never shown (0 is: it describes nobody);</li>
 *   <li>along a funnel (started, answered 1, 2, ... questions, completed) each shown figure differs from the
 *       previous shown one by 0 or at least ten, so no two shown figures of a funnel differ by 1 to 9
 *       (complementary suppression);</li>
 *   <li>a figure is also hidden when the same figure for another period on offer differs from it by 1 to 9, so
 *       switching the period filter cannot single out a small group.</li>
 * </ul>
 */
public final class UsageFigures {

    private UsageFigures() {
    }

    /**
     * @param chain  the raw funnel for the period shown, never increasing
     * @param others the raw funnels of the same version for every other period on offer (same length or shorter)
     */
    public static List<Figure> funnel(List<Integer> chain, Collection<List<Integer>> others) {
        List<Figure> figures = new ArrayList<>();
        Integer lastShown = null;
        for (int i = 0; i < chain.size(); i++) {
            int value = chain.get(i);
            Figure figure;
            if (small(value)) {
                figure = new Figure(null, Figure.Hidden.FEWER_THAN_TEN);
            } else if (lastShown != null && small(lastShown - value)) {
                figure = new Figure(null, Figure.Hidden.REVEALS_SMALL_GROUP);
            } else if (revealsAcrossPeriods(value, i, chain.size(), others)) {
                figure = new Figure(null, Figure.Hidden.REVEALS_SMALL_GROUP);
            } else {
                figure = Figure.shown(value);
                lastShown = value;
            }
            figures.add(figure);
        }
        return figures;
    }

    private static boolean revealsAcrossPeriods(int value, int index, int length, Collection<List<Integer>> others) {
        for (List<Integer> other : others) {
            // the last figure is "completed" in every funnel, whatever its length
            int otherValue = index == length - 1 ? (other.isEmpty() ? 0 : other.getLast())
                    : index < other.size() - 1 || (index == 0 && !other.isEmpty()) ? other.get(index) : 0;
            if (small(Math.abs(value - otherValue))) {
                return true;
            }
        }
        return false;
    }

    private static boolean small(int people) {
        return people > 0 && people < UsageReport.MIN_GROUP;
    }
}
