package nl.spiegel.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.progress.scoring.Instrument;

class ScoreChartTest {

    @Test
    void bandLabelsNameTheTotalsTheyHoldAndPointsCarryTheirValue() {
        String svg = ScoreChart.svg(Instrument.PHQ9, List.of(new ScoreChart.Point("1 dec", 12),
                new ScoreChart.Point("15 dec", 5)), band -> band.code(), "PHQ-9");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"", "aria-label=\"PHQ-9\"",
                "data-points=\"2\"", "minimal (0-4)", "mild (5-9)", "moderate (10-14)", "moderately-severe (15-19)",
                "severe (20-27)", "<title>1 dec: 12</title>", "<title>15 dec: 5</title>");
        assertThat(ScoreChart.svg(Instrument.GAD7, List.of(), band -> band.code(), "GAD-7"))
                .contains("moderate (10-14)", "severe (15-21)", "data-points=\"0\"").doesNotContain("<circle");
    }

    @Test
    void labelsAreEscaped() {
        String svg = ScoreChart.svg(Instrument.GAD7, List.of(new ScoreChart.Point("<b>", 3)), band -> "a&b",
                "\"x\"");
        assertThat(svg).contains("&lt;b&gt;", "a&amp;b", "&quot;x&quot;").doesNotContain("<b>");
    }
}
