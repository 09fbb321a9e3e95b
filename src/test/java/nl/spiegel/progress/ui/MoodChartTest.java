package nl.spiegel.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MoodChartTest {

    @Test
    void startAndEndAreTwoLinesAndAMissingMoodIsLeftOut() {
        String svg = MoodChart.svg(List.of(new MoodChart.Row("1 dec", 4, 2), new MoodChart.Row("3 dec", null, 5)),
                value -> "mood " + value, "start", "end", "Moods");
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"", "aria-label=\"Moods\"",
                "data-dialogues=\"2\"", "mood 1", "mood 5", "<title>1 dec, start</title>", "<title>3 dec, end</title>")
                .doesNotContain("<title>3 dec, start</title>");
        assertThat(svg.split("<circle", -1)).hasSize(4);
        assertThat(svg.split("<polyline", -1)).hasSize(3);
    }
}
