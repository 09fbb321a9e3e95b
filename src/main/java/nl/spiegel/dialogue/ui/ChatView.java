package nl.spiegel.dialogue.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.shared.i18n.Moments;
import nl.spiegel.shared.LogSafe;
import nl.spiegel.shared.database.DatabaseAway;
import nl.spiegel.dialogue.ChatMessage;
import nl.spiegel.dialogue.SafetyPause;
import nl.spiegel.dialogue.DialogueService;
import nl.spiegel.dialogue.MessageKey;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.dialogue.SessionUpdate;
import nl.spiegel.dialogue.SessionNotFoundException;
import nl.spiegel.dialogue.SessionSnapshot;
import nl.spiegel.dialogue.StaleSessionException;
import nl.spiegel.dialogue.engine.InvalidInputException;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.UserInput;
import nl.spiegel.dialogue.DialogueFeedback;
import nl.spiegel.dialogue.DialogueFeedbackSource;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.ui.HelpDialogs;
import nl.spiegel.escalation.ui.SafetyPanels;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.learn.LearnService;
import nl.spiegel.progress.MoodMoment;
import nl.spiegel.progress.MoodService;
import nl.spiegel.shared.i18n.SpiegelI18NProvider;
import nl.spiegel.shared.ui.PlainButton;

/** The conversation itself. Shows the full history, so a resumed dialogue looks exactly as it was left. */
@Route("dialogue")
@AnonymousAllowed
public class ChatView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ChatView.class);
    private static final String CLOSING = "chat.safety-closing";

    private final DialogueService dialogues;
    private final CurrentVisitor visitor;
    private final SafetyPanels safetyPanels;
    private final MoodService moods;
    private final HelpDialogs help;
    private final ObjectProvider<DialogueFeedbackSource> feedbackSources;
    private final AnswerRetries retries;
    private final Clock clock;
    private AnswerRetries.Pending pendingRetry;
    private Component safetyPanel;
    private MoodCheckIn startMood;

    private final H1 heading = new H1();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressLabel = new Span();
    private final Div log_ = new Div();
    private final Composer composer = new Composer(this::answer);
    private final Div finishedActions = new Div();
    private final Div stopRow = new Div();
    private final LearnService learn;
    private final Div feedback = new Div();
    private SessionSnapshot snapshot;
    private int shownSeq;

    public ChatView(DialogueService dialogues, CurrentVisitor visitor, SafetyPanels safetyPanels,
                    MoodService moods, HelpDialogs help,
                    ObjectProvider<DialogueFeedbackSource> feedbackSources, LearnService learn,
                    AnswerRetries retries, Clock clock) {
        this.dialogues = dialogues;
        this.retries = retries;
        this.clock = clock;
        this.learn = learn;
        this.visitor = visitor;
        this.safetyPanels = safetyPanels;
        this.moods = moods;
        this.help = help;
        this.feedbackSources = feedbackSources;
        addClassName("sp-chat");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        try {
            snapshot = dialogues.open(visitor.get(), SessionId.parse(parameter));
        } catch (IllegalArgumentException | SessionNotFoundException e) {
            showNotFound();
            return;
        }
        build();
    }

    @Override
    public String getPageTitle() {
        String title = snapshot == null ? getTranslation("chat.not-found.title") : snapshot.title().in(getLocale());
        return title + " · " + getTranslation("app.name");
    }

    private void build() {
        dialogues.shownIn(visitor.get(), snapshot.id(), getLocale());
        // texts as (escaped) markup: one element each on the server instead of an element and its text node
        heading.getElement().setProperty("innerHTML", Entities.escape(snapshot.title().in(getLocale())));
        heading.setId("chat-title");

        progress.setId("progress");
        progress.getElement().setAttribute("aria-labelledby", "progress-label");
        progressLabel.setId("progress-label");
        Div progressRow = new Div(progressLabel, progress);
        progressRow.addClassName("sp-progress");

        log_.setId("chat-log");
        log_.addClassName("sp-log");
        log_.getElement().setAttribute("role", "log");
        log_.getElement().setAttribute("aria-live", "polite");
        log_.getElement().setAttribute("aria-label", getTranslation("chat.log.label"));
        log_.removeAll();
        shownSeq = 0;
        safetyPanel = null;

        // below the composer, where the thumb is on a phone; gone once the dialogue is finished
        Button stop = new Button(getTranslation("chat.stop"), click -> stopForNow());
        stop.setId("stop");
        stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        stopRow.removeAll();
        stopRow.add(stop);
        stopRow.addClassName("sp-chat-bottom");
        Div top = new Div(heading);
        top.addClassName("sp-chat-top");

        finishedActions.addClassName("sp-finished-actions");
        finishedActions.setId("finished-actions");

        feedback.setId("chat-feedback");
        feedback.addClassName("sp-chat-feedback");
        add(top, progressRow);
        startMood = null;
        if (!snapshot.finished() && snapshot.progress().answered() == 0 && snapshot.safetyPause().isEmpty()) {
            startMood = new MoodCheckIn(visitor.get(), snapshot.id(), MoodMoment.START, moods, help::create);
            add(startMood);
        }
        add(log_, composer, stopRow, finishedActions, feedback);
        SessionId session = snapshot.id();
        composer.keepDrafts(session, key -> dialogues.answerStored(visitor.get(), session, key));
        render();
        showFeedback();
        composer.focusInput();
    }

    private void render() {
        Locale locale = getLocale();
        List<ChatMessage> fresh = snapshot.messages().stream().filter(message -> message.seq() > shownSeq).toList();
        if (!fresh.isEmpty()) {
            // one element for what this step brought (see MessageBubble.turn)
            MessageBubble.Turn turn = MessageBubble.turn(fresh, locale, learn.topics(), this);
            log_.add(turn);
            turn.scrollToLast();
            shownSeq = fresh.getLast().seq();
        }
        progress.setValue(snapshot.progress().fraction());
        progressLabel.getElement().setProperty("innerHTML", Entities.escape(snapshot.finished()
                ? getTranslation("chat.progress.done")
                : getTranslation("chat.progress", snapshot.progress().answered() + 1, snapshot.progress().total())));
        composer.show(snapshot.prompt(), locale, snapshot.revision());
        snapshot.safetyPause().ifPresent(this::showSafetyPanel);
        finishedActions.removeAll();
        stopRow.setVisible(!snapshot.finished());
        if (snapshot.finished()) {
            // nothing to stop any more: an open chat need not keep the hidden button
            stopRow.removeAll();
            stopRow.removeFromParent();
            // they stay on every finished chat that is left open: the light kind of button
            PlainButton exercises = new PlainButton("to-exercises", getTranslation("chat.to-exercises"),
                    press -> UI.getCurrent().navigate("my-exercises"), "primary");
            PlainButton home = new PlainButton("to-start", getTranslation("chat.to-start"),
                    press -> UI.getCurrent().navigate(""));
            if (!endedForSafety()) {
                finishedActions.add(new MoodCheckIn(visitor.get(), snapshot.id(), MoodMoment.END, moods,
                        help::create));
            }
            // by route name: the sharing screens live in the review module, which depends on this one
            PlainButton share = new PlainButton("share-dialogue", getTranslation("chat.share"),
                    press -> UI.getCurrent().navigate("share/" + snapshot.id()));
            finishedActions.add(exercises, home, share);
        }
        // the messages are on screen now; keeping them twice would cost every open chat its whole history again
        snapshot = snapshot.withoutMessages();
    }

    /** What a therapist the person shared this dialogue with wrote back, below the conversation. */
    private void showFeedback() {
        feedback.removeAll();
        List<DialogueFeedback> items = feedbackSources.orderedStream()
                .flatMap(source -> source.feedbackFor(visitor.get(), snapshot.id()).stream()).toList();
        if (items.isEmpty()) {
            feedback.setVisible(false);
            // nothing to show: an open chat need not keep the empty element
            feedback.removeFromParent();
            return;
        }
        feedback.setVisible(true);
        feedback.add(new com.vaadin.flow.component.html.H2(getTranslation("chat.feedback.title")));
        for (DialogueFeedback item : items) {
            Div entry = new Div(new Span(getTranslation("chat.feedback.from", item.authorName(),
                    Moments.date(item.at(), getLocale()))), new Paragraph(item.text()));
            entry.addClassName("sp-feedback-item");
            feedback.add(entry);
        }
    }

    /** After a safety closing the person was told nothing more is asked: then no mood question either. */
    private boolean endedForSafety() {
        String closing = getTranslation(SpiegelI18NProvider.DUTCH, CLOSING);
        return snapshot.messages().stream()
                .anyMatch(message -> closing.equals(message.text().in(SpiegelI18NProvider.DUTCH)));
    }

    /** The script waits; the safety panel takes the place of the next question, inside the conversation. */
    private void showSafetyPanel(SafetyPause pause) {
        if (safetyPanel != null) {
            return;
        }
        SafetyContext context = new SafetyContext(visitor.get(), snapshot.id(), pause.level(), pause.ruleIds());
        safetyPanel = safetyPanels.create(context, this::continueDialogue, this::endDialogue);
        log_.add(safetyPanel);
        safetyPanel.getElement().callJsFunction("scrollIntoView", false);
    }

    private void continueDialogue() {
        try {
            snapshot = dialogues.continueAfterSafetyPause(visitor.get(), snapshot.id(), snapshot.revision());
            // the panel stays in the conversation, so the help remains visible above what follows
            safetyPanel = null;
            render();
            composer.focusInput();
        } catch (StaleSessionException e) {
            snapshot = dialogues.open(visitor.get(), snapshot.id());
            removeAll();
            build();
        }
    }

    /** After a positive screen: no more questions of the script; the panel stays with its help and closing words. */
    private void endDialogue() {
        try {
            snapshot = dialogues.endAfterSafetyPause(visitor.get(), snapshot.id(), snapshot.revision(),
                    LocalizedText.of(getTranslation(SpiegelI18NProvider.DUTCH, CLOSING),
                            getTranslation(SpiegelI18NProvider.ENGLISH, CLOSING)));
            // the panel stays above the stored closing words
            safetyPanel = null;
            render();
        } catch (StaleSessionException e) {
            snapshot = dialogues.open(visitor.get(), snapshot.id());
            removeAll();
            build();
        }
    }

    /** One answer on its way: everything a retry needs, taken while the person sent it. */
    private record Attempt(Visitor visitor, SessionId session, int revision, UserInput input, MessageKey key,
                           Instant giveUpAt) {
    }

    private void answer(UserInput input) {
        Attempt attempt = new Attempt(visitor.get(), snapshot.id(), snapshot.revision(), input, composer.key(),
                clock.instant().plus(retries.properties().giveUpAfter()));
        try {
            // only the new messages come back; the ones on screen stay as they are
            answered(dialogues.advance(attempt.visitor(), attempt.session(), attempt.revision(), input, attempt.key()));
        } catch (RuntimeException e) {
            notStored(attempt, e, 0);
        }
    }

    private void answered(SessionUpdate update) {
        composer.stored();
        snapshot = snapshot.apply(update);
        if (startMood != null) {
            // "how do you feel before you start" makes no sense once the person has started
            startMood.withdrawIfUnanswered();
            startMood = null;
        }
        render();
        if (snapshot.safetyPause().isEmpty()) {
            composer.focusInput();
        }
    }

    /**
     * After a try that stored nothing. While the database is away the person sees a calm "saving" line, keeps their
     * text and the answer is tried again with the same key, so it is stored once however often it is sent.
     */
    private void notStored(Attempt attempt, RuntimeException failure, int tries) {
        switch (failure) {
            case InvalidInputException e ->
                    composer.reject(getTranslation("chat.error." + e.reason().name().toLowerCase(Locale.ROOT)));
            case StaleSessionException e -> {
                Notification.show(getTranslation("chat.error.stale"), 6000, Notification.Position.MIDDLE);
                snapshot = dialogues.open(visitor.get(), snapshot.id());
                removeAll();
                build();
            }
            case RuntimeException e when DatabaseAway.is(e) && clock.instant().isBefore(attempt.giveUpAt()) -> {
                log.warn("answer on session {} not stored yet (try {}), trying again: {}", attempt.session(),
                        tries + 1, LogSafe.describe(e));
                composer.saving(getTranslation("chat.saving"));
                UI ui = UI.getCurrent();
                pendingRetry = retries.schedule(tries + 1, () -> retry(ui, attempt, tries + 1));
            }
            case DataAccessException e -> {
                log.warn("answer on session {} not stored: {}", attempt.session(), LogSafe.describe(e));
                composer.reject(getTranslation("chat.error.not-saved"));
            }
            case org.springframework.transaction.TransactionException e -> {
                log.warn("answer on session {} not stored: {}", attempt.session(), LogSafe.describe(e));
                composer.reject(getTranslation("chat.error.not-saved"));
            }
            default -> throw failure;
        }
    }

    /** A retry, on a retry thread: the database work happens without holding the screen, the outcome in the UI. */
    private void retry(UI ui, Attempt attempt, int tries) {
        SessionUpdate update = null;
        RuntimeException failure = null;
        try {
            update = dialogues.advance(attempt.visitor(), attempt.session(), attempt.revision(), attempt.input(),
                    attempt.key());
        } catch (RuntimeException e) {
            failure = e;
        }
        SessionUpdate stored = update;
        RuntimeException failed = failure;
        try {
            ui.access(() -> {
                pendingRetry = null;
                if (stored != null) {
                    answered(stored);
                } else {
                    notStored(attempt, failed, tries);
                }
            });
        } catch (com.vaadin.flow.component.UIDetachedException gone) {
            // the person left the chat; what was stored shows when they come back
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        super.onDetach(event);
        if (pendingRetry != null) {
            pendingRetry.cancel();
            pendingRetry = null;
        }
    }

    private void stopForNow() {
        Notification.show(getTranslation("chat.stopped"), 5000, Notification.Position.BOTTOM_CENTER);
        UI.getCurrent().navigate("");
    }

    private void showNotFound() {
        snapshot = null;
        H1 title = new H1(getTranslation("chat.not-found.title"));
        Button back = new Button(getTranslation("chat.to-start"), click -> UI.getCurrent().navigate(""));
        add(title, new Paragraph(getTranslation("chat.not-found.text")), back);
    }
}
