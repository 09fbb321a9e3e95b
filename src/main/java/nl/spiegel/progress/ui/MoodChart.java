package nl.spiegel.progress.ui;

import java.util.List;

import nl.spiegel.progress.Mood;

/**
 * Mood at the start and at the end of each dialogue as two lines of inline SVG (start dashed, end solid), one step
 * per dialogue, oldest first. Like {@link ScoreChart} it is built on the server and the table next to it carries the
 * same values for screen readers.
 */
final class MoodChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 230;
    private static final int LEFT = 120;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 56;

    /** One dialogue: its date and its moods, either of which may be missing (null). */
    record Row(String label, Integer start, Integer end) {
    }

    private MoodChart() {
    }

    /**
     * @param moodName  the words of a mood value, for the scale on the left
     * @param startName legend of the start line; {@code endName} of the end line
     */
    static String svg(List<Row> rows, java.util.function.IntFunction<String> moodName, String startName,
                      String endName, String label) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"")
                .append(ScoreChart.escape(label)).append("\" data-dialogues=\"").append(rows.size()).append("\">");
        for (int value = Mood.LOWEST; value <= Mood.HIGHEST; value++) {
            double y = y(value);
            svg.append("<line class=\"sp-chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth)
                    .append("\" y1=\"").append(ScoreChart.fmt(y)).append("\" y2=\"").append(ScoreChart.fmt(y))
                    .append("\"/><text class=\"sp-chart-band-label\" x=\"").append(LEFT - 8).append("\" y=\"")
                    .append(ScoreChart.fmt(y + 4)).append("\" text-anchor=\"end\">")
                    .append(ScoreChart.escape(moodName.apply(value))).append("</text>");
        }
        svg.append(line(rows, true, plotWidth, startName)).append(line(rows, false, plotWidth, endName));
        for (int i = 0; i < rows.size(); i++) {
            svg.append("<text class=\"sp-chart-axis\" x=\"").append(ScoreChart.fmt(x(i, rows.size(), plotWidth)))
                    .append("\" y=\"").append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"middle\">")
                    .append(ScoreChart.escape(rows.get(i).label())).append("</text>");
        }
        int legendY = HEIGHT - 10;
        svg.append("<line class=\"sp-chart-line sp-chart-line-start\" x1=\"").append(LEFT).append("\" x2=\"")
                .append(LEFT + 24).append("\" y1=\"").append(legendY - 4).append("\" y2=\"").append(legendY - 4)
                .append("\"/><text class=\"sp-chart-axis\" x=\"").append(LEFT + 30).append("\" y=\"").append(legendY)
                .append("\">").append(ScoreChart.escape(startName)).append("</text>");
        svg.append("<line class=\"sp-chart-line\" x1=\"").append(LEFT + 200).append("\" x2=\"").append(LEFT + 224)
                .append("\" y1=\"").append(legendY - 4).append("\" y2=\"").append(legendY - 4)
                .append("\"/><text class=\"sp-chart-axis\" x=\"").append(LEFT + 230).append("\" y=\"")
                .append(legendY).append("\">").append(ScoreChart.escape(endName)).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static String line(List<Row> rows, boolean start, int plotWidth, String name) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Integer value = start ? rows.get(i).start() : rows.get(i).end();
            if (value == null) {
                continue;
            }
            double x = x(i, rows.size(), plotWidth);
            points.append(points.isEmpty() ? "" : " ").append(ScoreChart.fmt(x)).append(',')
                    .append(ScoreChart.fmt(y(value)));
            dots.append("<circle class=\"sp-chart-point").append(start ? " sp-chart-point-start" : "")
                    .append("\" cx=\"").append(ScoreChart.fmt(x)).append("\" cy=\"").append(ScoreChart.fmt(y(value)))
                    .append("\" r=\"4\"><title>").append(ScoreChart.escape(rows.get(i).label() + ", " + name))
                    .append("</title></circle>");
        }
        return "<polyline class=\"sp-chart-line" + (start ? " sp-chart-line-start" : "")
                + "\" fill=\"none\" points=\"" + points + "\"/>" + dots;
    }

    private static double x(int index, int count, int plotWidth) {
        return count == 1 ? LEFT + plotWidth / 2.0 : LEFT + 12 + (plotWidth - 24) * (double) index / (count - 1);
    }

    private static double y(int value) {
        int plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + plotHeight * (1 - (double) (value - Mood.LOWEST) / (Mood.HIGHEST - Mood.LOWEST));
    }
}
