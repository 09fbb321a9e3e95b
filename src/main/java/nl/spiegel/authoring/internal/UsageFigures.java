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
 *       switching the period filter cannot single out a small group;</li>
 *   <li>in a distribution (people split into disjoint groups: mood better/same/worse, risk levels, questionnaire
 *       bands) whose total is shown, the hidden groups together must be 0 or at least ten people, else the smallest
 *       shown group is hidden too, so "total minus the shown groups" never names a small group.</li>
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

    /**
     * One count compared with counts it could be subtracted from or to (the same count in other periods, a count of
     * a superset or subset on the same page).
     */
    public static Figure single(int value, Collection<Integer> comparedWith) {
        if (small(value)) {
            return new Figure(null, Figure.Hidden.FEWER_THAN_TEN);
        }
        for (int other : comparedWith) {
            if (small(Math.abs(value - other))) {
                return new Figure(null, Figure.Hidden.REVEALS_SMALL_GROUP);
            }
        }
        return Figure.shown(value);
    }

    /**
     * A total and the disjoint groups it splits into.
     *
     * @param total          the people counted
     * @param cells          the groups, adding up to the total
     * @param otherPeriods   the same distribution (total first, then the cells in the same order) for every other
     *                       period on offer; missing entries count as 0
     * @param totalComparedWith other counts on the page the total could be subtracted from or to
     * @return the total's figure first, then one figure per cell
     */
    public static List<Figure> distribution(int total, List<Integer> cells, Collection<List<Integer>> otherPeriods,
                                            Collection<Integer> totalComparedWith) {
        List<Integer> totals = new ArrayList<>(totalComparedWith);
        otherPeriods.forEach(other -> totals.add(other.isEmpty() ? 0 : other.getFirst()));
        Figure totalFigure = single(total, totals);
        List<Figure> figures = new ArrayList<>();
        figures.add(totalFigure);
        if (!totalFigure.isShown()) {
            cells.forEach(cell -> figures.add(new Figure(null, totalFigure.hidden())));
            return figures;
        }
        for (int i = 0; i < cells.size(); i++) {
            int index = i + 1;
            figures.add(single(cells.get(i), otherPeriods.stream()
                    .map(other -> index < other.size() ? other.get(index) : 0).toList()));
        }
        while (true) {
            int hiddenSum = 0;
            int smallestShown = -1;
            for (int i = 0; i < cells.size(); i++) {
                Figure figure = figures.get(i + 1);
                if (!figure.isShown()) {
                    hiddenSum += cells.get(i);
                } else if (cells.get(i) > 0 && (smallestShown < 0 || cells.get(i) < cells.get(smallestShown))) {
                    smallestShown = i;
                }
            }
            if (!small(hiddenSum) || smallestShown < 0) {
                return figures;
            }
            figures.set(smallestShown + 1, new Figure(null, Figure.Hidden.REVEALS_SMALL_GROUP));
        }
    }
}
