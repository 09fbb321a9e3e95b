package nl.spiegel.progress.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.progress.Mood;
import nl.spiegel.progress.MoodService;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.QuestionnaireReminders;
import nl.spiegel.progress.QuestionnaireResult;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.ReliableChange;
import nl.spiegel.progress.scoring.Score;
import nl.spiegel.shared.LogSafe;
import nl.spiegel.shared.i18n.Moments;

/**
 * "My progress": per questionnaire the totals over time as a chart (inline SVG from the server), the same numbers in
 * a table, the band in plain words, and what a score does and does not mean.
 */
@Route("progress")
@AnonymousAllowed
public class ProgressView extends Div implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ProgressView.class);
    // the product serves the Netherlands first; the browser's zone is not known on the server

    /** Who the page is for: the person, the person's printed summary, or a therapist they shared with. */
    enum Audience {
        PERSON, PRINT, THERAPIST
    }

    private final Audience audience;

    // the constructor Spring uses, named for Spring AOT (which cannot choose between two)
    @org.springframework.beans.factory.annotation.Autowired
    public ProgressView(ProgressService progress, MoodService moods, CurrentVisitor visitor,
                        QuestionnaireReminders reminders) {
        this(progress, moods, visitor, Audience.PERSON);
        addComponentAtIndex(3, new ReminderSetting(reminders, visitor.get()));
    }

    ProgressView(ProgressService progress, MoodService moods, CurrentVisitor visitor, Audience audience) {
        this.audience = audience;
        addClassName("sp-progress");
        if (audience == Audience.PERSON) {
            H1 title = new H1(getTranslation("progress.title"));
            title.setId("progress-title");
            Paragraph intro = new Paragraph(getTranslation("progress.intro"));
            intro.addClassName("sp-lead");
            Anchor print = new Anchor("progress/print", getTranslation("progress.to-print"));
            print.setId("progress-to-print");
            add(title, intro, print);
        }
        if (audience == Audience.THERAPIST) {
            // the therapist's page loads the shared data once it knows the share
            return;
        }
        List<QuestionnaireResult> results;
        List<Mood> moodHistory;
        try {
            results = progress.history(visitor.get());
            moodHistory = moods.history(visitor.get());
        } catch (DataAccessException e) {
            log.warn("progress could not be loaded: {}", LogSafe.describe(e));
            Paragraph error = new Paragraph(getTranslation("progress.error.not-loaded"));
            error.setId("progress-error");
            add(error);
            return;
        }
        show(results, moodHistory);
    }

    /** The explanation, a section per questionnaire and the moods. */
    final void show(List<QuestionnaireResult> results, List<Mood> moodHistory) {
        Paragraph notADiagnosis = new Paragraph(getTranslation("progress.not-a-diagnosis"));
        notADiagnosis.setId("progress-not-a-diagnosis");
        add(notADiagnosis);
        for (Instrument instrument : Instrument.values()) {
            add(section(instrument, results.stream().filter(r -> r.instrument() == instrument).toList()));
        }
        add(moodSection(moodHistory));
    }

    /** Mood at the start and end of each dialogue, one row per dialogue, oldest first. */
    private Section moodSection(List<Mood> moods) {
        Section section = new Section();
        section.setId("progress-mood");
        section.addClassName("sp-card");
        section.add(new H2(getTranslation("progress.mood.title")),
                new Paragraph(getTranslation("progress.mood.means")));
        if (moods.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("progress.mood.none"));
            none.setId("progress-mood-none");
            section.add(none);
            return section;
        }
        Map<SessionId, Mood[]> perDialogue = new LinkedHashMap<>();
        for (Mood mood : moods) {
            perDialogue.computeIfAbsent(mood.session(), session -> new Mood[2])[mood.moment().ordinal()] = mood;
        }
        List<MoodChart.Row> chartRows = perDialogue.values().stream().map(pair -> new MoodChart.Row(
                shortDate((pair[0] != null ? pair[0] : pair[1]).recordedAt()),
                pair[0] == null ? null : pair[0].value(), pair[1] == null ? null : pair[1].value())).toList();
        Div chart = new Div();
        chart.setId("progress-mood-chart");
        chart.addClassName("sp-chart-frame");
        chart.getElement().setProperty("innerHTML", MoodChart.svg(chartRows,
                value -> getTranslation("mood.value." + value), getTranslation("progress.mood.start"),
                getTranslation("progress.mood.end"), getTranslation("progress.mood.chart.label")));
        section.add(chart);

        Element table = new Element("table");
        table.setAttribute("id", "progress-mood-table");
        table.getClassList().add("sp-table");
        table.appendChild(new Element("caption").setText(getTranslation("progress.mood.caption")));
        Element head = new Element("tr");
        for (String column : List.of("progress.table.date", "progress.mood.start", "progress.mood.end")) {
            head.appendChild(new Element("th").setAttribute("scope", "col").setText(getTranslation(column)));
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (Mood[] pair : perDialogue.values()) {
            Mood first = pair[0] != null ? pair[0] : pair[1];
            Element row = new Element("tr");
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(longDate(first.recordedAt())));
            for (Mood mood : pair) {
                row.appendChild(new Element("td").setText(mood == null ? getTranslation("progress.mood.missing")
                        : getTranslation("mood.value." + mood.value())));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.addClassName("sp-table-frame");
        wrapper.getElement().appendChild(table);
        section.add(wrapper);
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.title") + " · " + getTranslation("app.name");
    }

    private Section section(Instrument instrument, List<QuestionnaireResult> results) {
        String prefix = "progress." + instrument.code();
        Section section = new Section();
        section.setId("progress-" + instrument.code());
        section.addClassName("sp-card");
        H2 heading = new H2(getTranslation(prefix + ".title"));
        section.add(heading, new Paragraph(getTranslation(prefix + ".means")));

        List<ScoreChart.Point> points = results.stream().filter(r -> r.score().complete())
                .map(r -> new ScoreChart.Point(shortDate(r.completedAt()), r.score().total().getAsInt()))
                .toList();
        if (results.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("progress.none"));
            none.setId("progress-" + instrument.code() + "-none");
            section.add(none);
        } else {
            if (!points.isEmpty()) {
                Div chart = new Div();
                chart.setId("progress-" + instrument.code() + "-chart");
                chart.addClassName("sp-chart-frame");
                chart.getElement().setProperty("innerHTML", ScoreChart.svg(instrument, points,
                        band -> instrument.bandLabel(band, getLocale()),
                        getTranslation("progress.chart.label", getTranslation(prefix + ".title"))));
                section.add(chart);
            }
            section.add(table(instrument, results));
        }
        if (audience != Audience.PERSON) {
            return section;
        }
        Anchor fillIn = new Anchor("progress/questionnaire/" + instrument.code(),
                getTranslation(results.isEmpty() ? "progress.fill-in" : "progress.fill-in-again",
                        getTranslation(prefix + ".title")));
        fillIn.setId("progress-" + instrument.code() + "-fill-in");
        section.add(fillIn);
        return section;
    }

    /** A real HTML table: a caption, column headers with scope, one row per result, newest last. */
    private Div table(Instrument instrument, List<QuestionnaireResult> results) {
        Element table = new Element("table");
        table.setAttribute("id", "progress-" + instrument.code() + "-table");
        table.getClassList().add("sp-table");
        table.appendChild(new Element("caption").setText(getTranslation("progress.table.caption",
                getTranslation("progress." + instrument.code() + ".title"))));
        Element head = new Element("tr");
        List<String> columns = new java.util.ArrayList<>(
                List.of("progress.table.date", "progress.table.total", "progress.table.band"));
        if (audience == Audience.THERAPIST) {
            columns.add("progress.table.change");
        }
        for (String column : columns) {
            head.appendChild(new Element("th").setAttribute("scope", "col").setText(getTranslation(column)));
        }
        ReliableChange reliable = ReliableChange.of(instrument);
        QuestionnaireResult baseline = results.stream().filter(r -> r.score().complete()).findFirst().orElse(null);
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        for (QuestionnaireResult result : results) {
            Score score = result.score();
            Element row = new Element("tr");
            row.appendChild(new Element("th").setAttribute("scope", "row").setText(longDate(result.completedAt())));
            if (score.complete()) {
                row.appendChild(new Element("td").setText(getTranslation("progress.table.of",
                        score.total().getAsInt(), instrument.maxTotal())));
                row.appendChild(new Element("td").setText(instrument.bandLabel(score.band(), getLocale())));
            } else {
                row.appendChild(new Element("td").setText(getTranslation("progress.table.no-total")));
                row.appendChild(new Element("td").setText(getTranslation("progress.table.incomplete",
                        score.answered(), instrument.items())));
            }
            if (audience == Audience.THERAPIST) {
                row.appendChild(changeCell(reliable, baseline, result));
            }
            body.appendChild(row);
        }
        table.appendChild(body);
        Div wrapper = new Div();
        wrapper.addClassName("sp-table-frame");
        wrapper.getElement().appendChild(table);
        return wrapper;
    }

    /**
     * Jacobson-Truax against the first complete score: reliably better or worse, or within measurement error, with
     * the difference in points.
     */
    private Element changeCell(ReliableChange reliable, QuestionnaireResult baseline, QuestionnaireResult result) {
        Element cell = new Element("td");
        if (baseline == null || !result.score().complete()) {
            return cell.setText(getTranslation("progress.change.none"));
        }
        if (result == baseline) {
            return cell.setText(getTranslation("progress.change.baseline"));
        }
        int before = baseline.score().total().getAsInt();
        int difference = result.score().total().getAsInt() - before;
        ReliableChange.Direction direction = reliable.between(before, before + difference);
        cell.setAttribute("data-change", direction.code());
        cell.getClassList().add("sp-change-" + direction.code());
        return cell.setText(getTranslation("progress.change." + direction.code(),
                (difference > 0 ? "+" : "") + difference));
    }

    String shortDate(Instant instant) {
        return DateTimeFormatter.ofPattern("d MMM", locale()).withZone(Moments.ZONE).format(instant);
    }

    String longDate(Instant instant) {
        return Moments.dateTime(instant, locale());
    }

    private Locale locale() {
        return getLocale() == null ? Locale.of("nl") : getLocale();
    }
}
