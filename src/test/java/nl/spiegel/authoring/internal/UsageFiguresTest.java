package nl.spiegel.authoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.authoring.Figure;
import nl.spiegel.authoring.Figure.Hidden;

/** Small groups stay hidden, also when a difference between two shown figures would reveal them. */
class UsageFiguresTest {

    @Test
    void tenPeopleAreShownAndNineAreNot() {
        assertThat(UsageFigures.funnel(List.of(10, 10), List.of())).extracting(Figure::value).containsExactly(10, 10);
        assertThat(UsageFigures.funnel(List.of(9, 9), List.of())).extracting(Figure::hidden)
                .containsExactly(Hidden.FEWER_THAN_TEN, Hidden.FEWER_THAN_TEN);
    }

    @Test
    void aStepWhoseDifferenceWithThePreviousShownStepIsASmallGroupIsHidden() {
        List<Figure> funnel = UsageFigures.funnel(List.of(30, 25, 20, 20, 10), List.of());

        assertThat(funnel).extracting(Figure::value).containsExactly(30, null, 20, 20, 10);
        assertThat(funnel.get(1).hidden()).isEqualTo(Hidden.REVEALS_SMALL_GROUP);
        for (int i = 0; i < funnel.size(); i++) {
            for (int j = 0; j < funnel.size(); j++) {
                if (funnel.get(i).isShown() && funnel.get(j).isShown()) {
                    int difference = Math.abs(funnel.get(i).value() - funnel.get(j).value());
                    assertThat(difference == 0 || difference >= 10).as("%s vs %s", i, j).isTrue();
                }
            }
        }
    }

    @Test
    void startedAndCompletedThatDifferByFewerThanTenPeopleDoNotBothShow() {
        List<Figure> funnel = UsageFigures.funnel(List.of(15, 10), List.of());

        assertThat(funnel.get(0).value()).isEqualTo(15);
        assertThat(funnel.get(1).hidden()).isEqualTo(Hidden.REVEALS_SMALL_GROUP);
    }

    @Test
    void aFigureThatDiffersFromTheSameFigureInAnotherPeriodByFewerThanTenIsHidden() {
        List<Integer> lastMonth = List.of(10, 10);
        List<Integer> ever = List.of(12, 12);

        assertThat(UsageFigures.funnel(lastMonth, List.of(ever))).extracting(Figure::hidden)
                .containsOnly(Hidden.REVEALS_SMALL_GROUP);
        assertThat(UsageFigures.funnel(ever, List.of(lastMonth))).extracting(Figure::hidden)
                .containsOnly(Hidden.REVEALS_SMALL_GROUP);
        assertThat(UsageFigures.funnel(List.of(20, 20), List.of(List.of(30, 30), List.of(10, 10))))
                .extracting(Figure::value).containsExactly(20, 20);
    }

    @Test
    void aStepNobodyReachedInAnotherPeriodCountsAsZeroThere() {
        List<Figure> funnel = UsageFigures.funnel(List.of(20, 15, 12), List.of(List.of(20, 20)));

        assertThat(funnel).extracting(Figure::hidden)
                .containsExactly(Hidden.NONE, Hidden.REVEALS_SMALL_GROUP, Hidden.REVEALS_SMALL_GROUP);
    }

    @Test
    void aLoneSmallGroupInADistributionIsNotLeftToBeWorkedOutFromTheTotal() {
        // 30 people: 15 better, 12 the same, 3 worse; hiding only "worse" leaves 30 - 15 - 12 = 3
        List<Figure> figures = UsageFigures.distribution(30, List.of(15, 12, 3), List.of(), List.of());

        assertThat(figures).extracting(Figure::value).containsExactly(30, 15, null, null);
        assertThat(figures).extracting(Figure::hidden).containsExactly(Hidden.NONE, Hidden.NONE,
                Hidden.REVEALS_SMALL_GROUP, Hidden.FEWER_THAN_TEN);
    }

    @Test
    void hiddenGroupsThatTogetherAreTenOrMoreNeedNoFurtherHiding() {
        List<Figure> figures = UsageFigures.distribution(36, List.of(20, 0, 6, 5, 5), List.of(), List.of());

        assertThat(figures).extracting(Figure::value).containsExactly(36, 20, 0, null, null, null);
    }

    @Test
    void aDistributionOfFewerThanTenPeopleShowsNothing() {
        assertThat(UsageFigures.distribution(9, List.of(9, 0), List.of(), List.of())).extracting(Figure::hidden)
                .containsOnly(Hidden.FEWER_THAN_TEN);
    }

    @Test
    void aGroupThatDiffersFromTheSameGroupInAnotherPeriodByAFewPeopleIsHidden() {
        List<Figure> figures = UsageFigures.distribution(40, List.of(20, 20),
                List.of(List.of(42, 22, 20)), List.of());

        assertThat(figures.getFirst().hidden()).isEqualTo(Hidden.REVEALS_SMALL_GROUP);
        assertThat(figures).extracting(Figure::isShown).containsOnly(false);
    }

    @Test
    void aTotalCloseToARelatedCountOnThePageIsHidden() {
        assertThat(UsageFigures.single(12, List.of(15)).hidden()).isEqualTo(Hidden.REVEALS_SMALL_GROUP);
        assertThat(UsageFigures.single(12, List.of(12, 30)).value()).isEqualTo(12);
    }
}
