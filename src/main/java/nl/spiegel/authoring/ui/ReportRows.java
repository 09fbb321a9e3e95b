package nl.spiegel.authoring.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.spiegel.authoring.BandFigures;
import nl.spiegel.authoring.EscalationFigures;
import nl.spiegel.authoring.Figure;
import nl.spiegel.authoring.MoodFigures;
import nl.spiegel.authoring.Share;
import nl.spiegel.authoring.UsageReport;
import nl.spiegel.authoring.VersionUsage;

/**
 * The analytics report as the rows the page shows, in words: the tables are filled from these rows and the CSV
 * download writes the same rows, so the download holds exactly what is on screen.
 */
final class ReportRows {

    /** Translates a message key with arguments (the view's {@code getTranslation}). */
    @FunctionalInterface
    interface Words {
        String get(String key, Object... args);
    }

    /**
     * One line of a table.
     *
     * @param sectionKey {@code funnel}, {@code mood}, {@code escalations} or {@code bands}
     * @param group   the table it belongs to (also the element id suffix)
     * @param figure  the count behind the value, or null for a mean or a median
     * @param charted whether the line is a bar of the table's chart
     */
    record Row(String sectionKey, String section, String group, String subject, String version, String measure, String value,
               Figure figure, boolean charted) {

        List<String> cells() {
            return List.of(section, subject, version, measure, value);
        }
    }

    /** The CSV header (column names stay English so that a spreadsheet's formulas keep working across languages). */
    static final List<String> SECTIONS = List.of("funnel", "mood", "escalations", "bands");

    static final List<String> HEADER = List.of("section", "subject", "version", "measure", "value");

    private final Words words;
    private final Locale locale;

    ReportRows(Words words, Locale locale) {
        this.words = words;
        this.locale = locale;
    }

    List<Row> of(UsageReport report) {
        List<Row> rows = new ArrayList<>();
        String funnel = words.get("analytics.section.funnel");
        for (VersionUsage version : report.versions()) {
            String group = version.scriptId() + "-" + version.version();
            for (int i = 0; i < version.funnel().size(); i++) {
                Figure figure = version.funnel().get(i);
                rows.add(new Row("funnel", funnel, group, version.title().in(locale), String.valueOf(version.version()),
                        stepName(i == version.funnel().size() - 1 ? Integer.MAX_VALUE : i), value(figure), figure,
                        true));
            }
        }
        String mood = words.get("analytics.section.mood");
        for (MoodFigures figures : report.moods()) {
            String group = "mood-" + figures.scriptId() + "-" + figures.version();
            String subject = figures.title().in(locale);
            String version = String.valueOf(figures.version());
            rows.add(new Row("mood", mood, group, subject, version, words.get("analytics.mood.people"),
                    value(figures.people()), figures.people(), false));
            for (Share share : figures.change()) {
                rows.add(new Row("mood", mood, group, subject, version, words.get("analytics.mood." + share.code()),
                        value(share.figure()), share.figure(), true));
            }
            rows.add(new Row("mood", mood, group, subject, version, words.get("analytics.mood.mean-before"),
                    mean(figures.meanBefore(), figures.people()), null, false));
            rows.add(new Row("mood", mood, group, subject, version, words.get("analytics.mood.mean-after"),
                    mean(figures.meanAfter(), figures.people()), null, false));
        }
        EscalationFigures escalations = report.escalations();
        String help = words.get("analytics.section.escalations");
        rows.add(new Row("escalations", help, "escalations", "", "", words.get("analytics.escalations.people"),
                value(escalations.people()), escalations.people(), false));
        for (Share share : escalations.byLevel()) {
            rows.add(new Row("escalations", help, "escalations", "", "", words.get("analytics.escalations.level." + share.code()),
                    value(share.figure()), share.figure(), true));
        }
        rows.add(new Row("escalations", help, "escalations", "", "", words.get("analytics.escalations.accepted"),
                value(escalations.accepted()), escalations.accepted(), false));
        rows.add(new Row("escalations", help, "escalations", "", "", words.get("analytics.escalations.median-wait"),
                escalations.medianWaitMinutes() != null
                        ? words.get("analytics.escalations.minutes", escalations.medianWaitMinutes())
                        : escalations.accepted().isShown() ? words.get("analytics.not-applicable")
                        : value(escalations.accepted()), null, false));
        String bands = words.get("analytics.section.bands");
        for (BandFigures figures : report.bands()) {
            String group = "bands-" + figures.instrument();
            String subject = words.get("progress." + figures.instrument() + ".title");
            rows.add(new Row("bands", bands, group, subject, "", words.get("analytics.bands.people"),
                    value(figures.people()), figures.people(), false));
            for (Share share : figures.bands()) {
                rows.add(new Row("bands", bands, group, subject, "", words.get("analytics.band." + share.code()),
                        value(share.figure()), share.figure(), true));
            }
        }
        return rows;
    }

    /** The rows by table, in page order. */
    static Map<String, List<Row>> byGroup(List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.group(), key -> new ArrayList<>()).add(row));
        return groups;
    }

    String stepName(int step) {
        if (step == 0) {
            return words.get("analytics.step.started");
        }
        if (step == Integer.MAX_VALUE) {
            return words.get("analytics.step.completed");
        }
        return words.get("analytics.step.answered", step);
    }

    String value(Figure figure) {
        return figure.isShown() ? String.valueOf(figure.value()) : hidden(figure);
    }

    String hidden(Figure figure) {
        return figure.isShown() ? "" : words.get("analytics.hidden." + figure.hidden().name(), UsageReport.MIN_GROUP);
    }

    private String mean(java.math.BigDecimal mean, Figure people) {
        if (mean == null) {
            return value(people);
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(mean);
    }
}
