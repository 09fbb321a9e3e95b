package nl.spiegel.dialogue.ui;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.dialog.Dialog;

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
 */
class MoodCheckIn extends Div {

    private static final Logger log = LoggerFactory.getLogger(MoodCheckIn.class);

    private final Visitor visitor;
    private final SessionId session;
    private final MoodMoment moment;
    private final MoodService moods;
    private final Supplier<Dialog> help;

    MoodCheckIn(Visitor visitor, SessionId session, MoodMoment moment, MoodService moods, Supplier<Dialog> help) {
        this.visitor = visitor;
        this.session = session;
        this.moment = moment;
        this.moods = moods;
        this.help = help;
        String code = moment.name().toLowerCase(java.util.Locale.ROOT);
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
        Paragraph question = new Paragraph(getTranslation("mood.question." + code));
        question.setId("mood-" + code + "-question");
        Div faces = new Div();
        faces.addClassName("sp-mood-faces");
        for (int value = Mood.LOWEST; value <= Mood.HIGHEST; value++) {
            int chosen = value;
            // the face itself comes from the style sheet (sp-mood-face-1 .. 5): from very bad to very good; the word
            // next to it is what screen readers and everybody read. An empty span is one element on the server, a
            // span with the face as text two, and an emoji makes every response that carries it twice as large
            Span face = new Span();
            face.getElement().setAttribute("aria-hidden", "true");
            face.addClassNames("sp-mood-face", "sp-mood-face-" + value);
            Button button = new Button(getTranslation("mood.value." + value));
            button.setPrefixComponent(face);
            button.setId("mood-" + code + "-" + value);
            button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            button.addClickListener(click -> choose(chosen));
            faces.add(button);
        }
        Button skip = new Button(getTranslation("mood.skip"), click -> {
            // gone for good: an open chat need not keep the hidden buttons
            removeAll();
            setVisible(false);
        });
        skip.setId("mood-" + code + "-skip");
        skip.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(question, faces, skip);
    }

    private void choose(int value) {
        removeAll();
        Mood stored;
        try {
            stored = moods.record(visitor, session, moment, value);
        } catch (DataAccessException e) {
            log.warn("mood check-in on session {} not stored: {}", session, LogSafe.describe(e));
            add(new Paragraph(getTranslation("mood.error")));
            return;
        }
        Paragraph thanks = new Paragraph(getTranslation("mood.thanks"));
        thanks.setId("mood-thanks");
        thanks.getElement().setAttribute("role", "status");
        add(thanks);
        if (moment == MoodMoment.END) {
            moods.find(visitor, session, MoodMoment.START)
                    .filter(start -> Mood.clearlyWorse(start.value(), stored.value()))
                    .ifPresent(start -> showGrounding());
        }
    }

    private void showGrounding() {
        Div grounding = new Div();
        grounding.setId("mood-grounding");
        grounding.addClassName("sp-mood-grounding");
        Paragraph text = new Paragraph(getTranslation("mood.worse"));
        Paragraph step = new Paragraph(getTranslation("mood.grounding"));
        Button helpButton = new Button(getTranslation("help.button"), click -> help.get().open());
        helpButton.setId("mood-help");
        helpButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        grounding.add(text, step, helpButton);
        add(grounding);
    }
}
