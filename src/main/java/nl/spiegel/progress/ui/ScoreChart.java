package nl.spiegel.progress.ui;

import java.util.List;
import java.util.Locale;

import nl.spiegel.progress.scoring.Band;
import nl.spiegel.progress.scoring.Instrument;

/**
 * A line chart of questionnaire totals as inline SVG, built on the server (no frontend bundle). Only numbers, dates
 * and translated labels go in; every text is escaped anyway. The table next to the chart carries the same numbers
 * for screen readers, so the chart describes itself in one sentence.
 */
final class ScoreChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 190;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    /** One point: the label under the axis (a date) and the total. */
    record Point(String label, int total) {
    }

    private ScoreChart() {
    }

    /**
     * @param bandName the plain name of a band, for the lines between bands
     * @param label    what the chart shows, for screen readers
     */
    static String svg(Instrument instrument, List<Point> points, java.util.function.Function<Band, String> bandName,
                      String label) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"").append(escape(label))
                .append("\" data-points=\"").append(points.size()).append("\">");
        // a light band behind each severity range, named on the left
        List<Band> bands = instrument.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            int from = instrument.lowestTotal(band);
            // the band's area reaches the next band; its label names the totals it holds
            int to = i + 1 < bands.size() ? instrument.lowestTotal(bands.get(i + 1)) : instrument.maxTotal();
            int highest = i + 1 < bands.size() ? to - 1 : to;
            double yTop = y(to, instrument, plotHeight);
            double yBottom = y(from, instrument, plotHeight);
            svg.append("<rect class=\"sp-chart-band sp-chart-band-").append(band.code()).append("\" x=\"")
                    .append(LEFT).append("\" y=\"").append(fmt(yTop)).append("\" width=\"").append(plotWidth)
                    .append("\" height=\"").append(fmt(yBottom - yTop)).append("\"/>");
            svg.append("<text class=\"sp-chart-band-label\" x=\"").append(LEFT - 8).append("\" y=\"")
                    .append(fmt((yTop + yBottom) / 2 + 4)).append("\" text-anchor=\"end\">")
                    .append(escape(bandName.apply(band) + " (" + from + "-" + highest + ")")).append("</text>");
        }
        if (!points.isEmpty()) {
            StringBuilder line = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                Point point = points.get(i);
                double x = points.size() == 1 ? LEFT + plotWidth / 2.0
                        : LEFT + 12 + (plotWidth - 24) * (double) i / (points.size() - 1);
                double y = y(point.total(), instrument, plotHeight);
                line.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
                dots.append("<circle class=\"sp-chart-point\" cx=\"").append(fmt(x)).append("\" cy=\"")
                        .append(fmt(y)).append("\" r=\"5\"><title>").append(escape(point.label() + ": "
                                + point.total())).append("</title></circle>");
                dots.append("<text class=\"sp-chart-axis\" x=\"").append(fmt(x)).append("\" y=\"")
                        .append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"middle\">")
                        .append(escape(point.label())).append("</text>");
            }
            svg.append("<polyline class=\"sp-chart-line\" fill=\"none\" points=\"").append(line).append("\"/>");
            svg.append(dots);
        }
        return svg.append("</svg>").toString();
    }

    private static double y(int total, Instrument instrument, int plotHeight) {
        return TOP + plotHeight * (1 - (double) total / instrument.maxTotal());
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
