package nl.spiegel.authoring.ui;

import java.util.List;

import nl.spiegel.authoring.Figure;

/**
 * A funnel as a server-rendered SVG bar chart: one bar per step, its length the number of people. A hidden figure
 * gets an empty dashed bar with its reason instead of a number. Only numbers and translated labels go in, and every
 * text is escaped anyway; the table beside the chart carries the same figures for screen readers.
 */
final class FunnelChart {

    record Bar(String label, Figure figure, String hiddenText) {
    }

    private static final int WIDTH = 640;
    private static final int LEFT = 190;
    private static final int ROW = 28;

    private FunnelChart() {
    }

    static String svg(String title, List<Bar> bars) {
        int height = bars.size() * ROW + 10;
        int max = bars.stream().map(Bar::figure).filter(Figure::isShown).mapToInt(Figure::value).max().orElse(1);
        int plot = WIDTH - LEFT - 70;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sp-chart sp-funnel\""
                + " role=\"img\" viewBox=\"0 0 " + WIDTH + " " + height + "\" aria-label=\"" + escape(title) + "\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * ROW;
            svg.append("<text class=\"sp-chart-axis\" x=\"").append(LEFT - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\">").append(escape(bar.label())).append("</text>");
            if (bar.figure().isShown()) {
                int length = max == 0 ? 0 : Math.round((float) bar.figure().value() * plot / max);
                svg.append("<rect class=\"sp-funnel-bar\" x=\"").append(LEFT).append("\" y=\"").append(y)
                        .append("\" width=\"").append(Math.max(length, 1)).append("\" height=\"").append(ROW - 6)
                        .append("\"/>");
                svg.append("<text class=\"sp-chart-value\" x=\"").append(LEFT + length + 6).append("\" y=\"")
                        .append(y + 17).append("\">").append(bar.figure().value()).append("</text>");
            } else {
                svg.append("<rect class=\"sp-funnel-hidden\" x=\"").append(LEFT).append("\" y=\"").append(y)
                        .append("\" width=\"").append(plot / 3).append("\" height=\"").append(ROW - 6)
                        .append("\"/>");
                svg.append("<text class=\"sp-chart-value sp-funnel-hidden-text\" x=\"").append(LEFT + 6)
                        .append("\" y=\"").append(y + 17).append("\">").append(escape(bar.hiddenText()))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
