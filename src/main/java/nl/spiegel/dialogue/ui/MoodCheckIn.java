package nl.spiegel.dialogue.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.shared.Registration;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.Mood;
import nl.spiegel.progress.MoodMoment;
import nl.spiegel.progress.MoodService;
import nl.spiegel.shared.LogSafe;

/**
 * "How are you now?" with five faces, one tap, optional. At the end of a dialogue a mood clearly worse than at its
 * start gets a short grounding step and the way to help, never a lecture. Shown once per dialogue and moment; the
 * moods are stored by the progress module ({@link MoodService}), which draws them over time.
 *
 * <p>Every open chat keeps its check-ins, so they are light: one element whose markup holds the question, the five
 * faces and "skip" (the same {@code vaadin-button}s, ids and look a tree of Button components gave, so keyboard and
 * screen readers work as before: focusable, Enter and Space click), and ONE click listener that is told which
 * button was clicked by its {@code data-mood}. A tree of components with a listener per button cost every open chat
 * about 13 kB per question.
 */
class MoodCheckIn extends Div {

    private static final Logger log = LoggerFactory.getLogger(MoodCheckIn.class);
    /** What the browser sends with a click: the {@code data-mood} of the button clicked, if any. */
    static final String CHOSEN = "event.target.closest('[data-mood]')?.dataset.mood";
    /** Only clicks on such a button reach the server (sent as its own boolean with the event). */
    private static final String ON_A_BUTTON = "!!event.target.closest('[data-mood]')";
    private static final String SKIP = "skip";
    private static final String HELP = "help";

    private enum State { ASKING, ANSWERED, ANSWERED_WORSE, GONE }

    private final Visitor visitor;
    private final SessionId session;
    private final MoodMoment moment;
    private final MoodService moods;
    private final Supplier<Dialog> help;
    private State state = State.GONE;
    private Registration clicks;

    MoodCheckIn(Visitor visitor, SessionId session, MoodMoment moment, MoodService moods, Supplier<Dialog> help) {
        this.visitor = visitor;
        this.session = session;
        this.moment = moment;
        this.moods = moods;
        this.help = help;
        String code = moment.name().toLowerCase(Locale.ROOT);
        setId("mood-" + code);
        addClassNames("sp-mood", "sp-card");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", "mood-" + code + "-question");

        Optional<Mood> earlier;
        try {
            earlier = moods.find(visitor, session, moment);
        } catch (DataAccessException e) {
            log.warn("mood check-in on session {} not available: {}", session, LogSafe.describe(e));
            setVisible(false);
            return;
        }
        if (earlier.isPresent()) {
            // asked once: after a reload the conversation goes on without asking again
            setVisible(false);
            return;
        }
        StringBuilder html = new StringBuilder(1200);
        element(html, "p", " id=\"mood-" + code + "-question\"", getTranslation("mood.question." + code));
        html.append("<div class=\"sp-mood-faces\">");
        for (int value = Mood.LOWEST; value <= Mood.HIGHEST; value++) {
            // the face itself comes from the style sheet (sp-mood-face-1 .. 5): from very bad to very good; the word
            // next to it is what screen readers and everybody read, and an emoji in the markup would make every
            // response that carries it twice as large
            html.append("<vaadin-button id=\"mood-").append(code).append('-').append(value)
                    .append("\" theme=\"contrast\" data-mood=\"").append(value).append("\">")
                    .append("<span aria-hidden=\"true\" class=\"sp-mood-face sp-mood-face-").append(value)
                    .append("\" slot=\"prefix\"></span>").append(Entities.escape(getTranslation("mood.value." + value)))
                    .append("</vaadin-button>");
        }
        html.append("</div>");
        element(html, "vaadin-button", " id=\"mood-" + code + "-skip\" theme=\"tertiary\" data-mood=\"" + SKIP + "\"",
                getTranslation("mood.skip"));
        getElement().setProperty("innerHTML", html.toString());
        state = State.ASKING;
        clicks = getElement().addEventListener("click", this::clicked).addEventData(CHOSEN).setFilter(ON_A_BUTTON);
    }

    /** Still waiting for a face or "skip". */
    boolean asking() {
        return state == State.ASKING;
    }

    /**
     * The person went on with the dialogue without answering: the question goes away quietly (nothing is stored), so
     * it neither stays above the whole conversation nor records a "before" mood after the conversation began.
     */
    void withdrawIfUnanswered() {
        if (asking()) {
            gone();
            removeFromParent();
        }
    }

    /** Whatever the browser says was clicked is checked against what is on screen now. */
    private void clicked(DomEvent event) {
        String chosen = event.getEventData().path(CHOSEN).stringValue("");
        if (state == State.ASKING && SKIP.equals(chosen)) {
            // gone for good: an open chat need not keep the hidden markup
            gone();
            setVisible(false);
        } else if (state == State.ASKING && chosen.matches("[1-5]")) {
            choose(Integer.parseInt(chosen));
        } else if (state == State.ANSWERED_WORSE && HELP.equals(chosen)) {
            help.get().open();
        }
    }

    private void gone() {
        state = State.GONE;
        getElement().setProperty("innerHTML", "");
        if (clicks != null) {
            clicks.remove();
            clicks = null;
        }
    }

    private void choose(int value) {
        Mood stored;
        try {
            stored = moods.record(visitor, session, moment, value);
        } catch (DataAccessException e) {
            log.warn("mood check-in on session {} not stored: {}", session, LogSafe.describe(e));
            state = State.GONE;
            clicks.remove();
            clicks = null;
            getElement().setProperty("innerHTML", element(new StringBuilder(), "p", "", getTranslation("mood.error"))
                    .toString());
            return;
        }
        StringBuilder html = element(new StringBuilder(), "p", " id=\"mood-thanks\" role=\"status\"",
                getTranslation("mood.thanks"));
        boolean worse = moment == MoodMoment.END && moods.find(visitor, session, MoodMoment.START)
                .filter(start -> Mood.clearlyWorse(start.value(), stored.value())).isPresent();
        if (worse) {
            html.append("<div class=\"sp-mood-grounding\" id=\"mood-grounding\">");
            element(html, "p", "", getTranslation("mood.worse"));
            element(html, "p", "", getTranslation("mood.grounding"));
            element(html, "vaadin-button", " id=\"mood-help\" theme=\"error primary\" data-mood=\"" + HELP + "\"",
                    getTranslation("help.button"));
            html.append("</div>");
            state = State.ANSWERED_WORSE;
        } else {
            state = State.ANSWERED;
            clicks.remove();
            clicks = null;
        }
        getElement().setProperty("innerHTML", html.toString());
    }

    /** {@code <tag attributes>text</tag>}, the text escaped; attributes are written here, never taken from input. */
    private static StringBuilder element(StringBuilder html, String tag, String attributes, String text) {
        return html.append('<').append(tag).append(attributes).append('>').append(Entities.escape(text))
                .append("</").append(tag).append('>');
    }
}
