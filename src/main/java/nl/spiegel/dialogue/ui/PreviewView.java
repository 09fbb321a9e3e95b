package nl.spiegel.dialogue.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;

import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.DialoguePreview;
import nl.spiegel.dialogue.engine.DialogueEngine;
import nl.spiegel.dialogue.engine.DialogueState;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.Step;
import nl.spiegel.dialogue.engine.Turn;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.risk.RiskLevel;

/**
 * A draft dialogue walked through as a person would, with the chat's own bubbles and composer, clearly marked as a
 * preview. The engine runs in memory: nothing is stored, no event is published, no one is alerted. Where a real
 * conversation would pause for safety, the preview says so.
 */
@Route("admin/dialogues/preview")
@RolesAllowed({"ORG_ADMIN", "CONTENT_EDITOR", "PLATFORM_ADMIN"})
public class PreviewView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final DialogueEngine engine = new DialogueEngine();
    private final RiskDetector risk;
    private final Clock clock;
    private final Div log_ = new Div();
    private final Composer composer = new Composer(this::answer);
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph notice = new Paragraph();
    private final List<ChatMessage> messages = new ArrayList<>();
    private DialoguePreview preview;
    private DialogueState state;

    public PreviewView(RiskDetector risk, Clock clock) {
        this.risk = risk;
        this.clock = clock;
        addClassNames("sp-chat", "sp-preview");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        preview = VaadinSession.getCurrent().getAttribute(DialoguePreview.class);
        removeAll();
        if (preview == null) {
            add(new H1(getTranslation("preview.none.title")), new Paragraph(getTranslation("preview.none.text")),
                    back());
            return;
        }
        build(preview.script());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("preview.badge") + " · " + getTranslation("app.name");
    }

    private void build(Script script) {
        Span badge = new Span(getTranslation("preview.badge"));
        badge.setId("preview-badge");
        badge.addClassName("sp-preview-badge");
        H1 heading = new H1(script.title().in(getLocale()));
        heading.setId("chat-title");
        Div top = new Div(badge, heading, back());
        top.addClassName("sp-chat-top");
        Paragraph explain = new Paragraph(getTranslation("preview.explain"));
        explain.addClassName("sp-preview-explain");
        progress.setId("progress");
        log_.setId("chat-log");
        log_.addClassName("sp-log");
        log_.getElement().setAttribute("role", "log");
        notice.setId("preview-notice");
        notice.addClassName("sp-preview-notice");
        notice.setVisible(false);
        add(top, explain, progress, log_, notice, composer);
        messages.clear();
        Step step = engine.start(script);
        show(script, step);
        composer.focusInput();
    }

    private void answer(UserInput input) {
        Script script = preview.script();
        try {
            Step step = engine.next(script, state, input);
            notice.setVisible(false);
            if (input instanceof UserInput.Text(String text)
                    && risk.assess(text, getLocale().getLanguage()).isAtLeast(RiskLevel.CONCERN)) {
                // a real conversation pauses here and offers help; the preview only says so and goes on
                notice.setText(getTranslation("preview.would-pause"));
                notice.setVisible(true);
            }
            show(script, step);
        } catch (InvalidInputException e) {
            composer.reject(getTranslation("chat.error." + e.reason().name().toLowerCase(Locale.ROOT)));
        }
    }

    private void show(Script script, Step step) {
        state = step.state();
        List<ChatMessage> summary = new ArrayList<>();
        for (Turn turn : step.turns()) {
            ChatMessage message = new ChatMessage(messages.size() + 1, turn.kind(), turn.text(), turn.title(),
                    clock.instant(), turn.learn());
            messages.add(message);
            if (turn.kind() == Turn.Kind.SUMMARY) {
                summary.add(message);
            } else {
                log_.add(MessageBubble.of(message, getLocale(), List.of(), this));
            }
        }
        if (!summary.isEmpty()) {
            log_.add(MessageBubble.summary(summary, getLocale(), this));
        }
        progress.setValue(engine.progress(script, state).fraction());
        composer.show(engine.prompt(script, state), getLocale());
        if (state.finished()) {
            Paragraph done = new Paragraph(getTranslation("preview.done"));
            done.setId("preview-done");
            log_.add(done);
        }
    }

    private Button back() {
        Button back = new Button(getTranslation("preview.back"), click -> UI.getCurrent().navigate(
                preview == null ? "admin/dialogues" : preview.returnRoute()));
        back.setId("preview-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }
}
