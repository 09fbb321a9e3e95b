package nl.spiegel.escalation.ui;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.SafetyFlow;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningNotFoundException;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.screening.Grade;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.risk.RiskLevel;

/**
 * What the chat shows after a risky message, in the flow that fits the kind of risk ({@link SafetyFlow}): a wound
 * first gets care, a person in danger first "are you safe now?", a medical emergency 112, suicidal thoughts the
 * contacts and the follow-up questions, an ambiguous signal one gentle check-in. It never quotes what the person
 * wrote, and the help never disappears: not on a "no", not on "you misunderstood me", not when something fails.
 * After a positive result the dialogue ends gently instead of going on with the risky words.
 */
public class SafetyPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(SafetyPanel.class);

    /** What the panel can do with the dialogue around it. */
    public record Actions(Runnable onContinue, Runnable onEnd) {
    }

    private final SafetyContext context;
    private final Actions actions;
    private final ScreeningService screenings;
    private final HumanHandoff handoff;
    private final List<CrisisContact> contacts;
    private final String quickExitUrl;
    private SafetyFlow flow;

    private final H2 title = new H2();
    private final Div step = new Div();
    private final Div crisisHelp = new Div();
    private final Div checkIn = new Div();
    private final Div screen = new Div();
    private final Div contactLine = new Div();
    private final Button human = new Button();
    private final Div handoffArea = new Div();
    private boolean crisis;
    private boolean urgent;
    private Screening screening;

    /**
     * @param contacts     the crisis contacts of the person's organisation, in the language of the screen; the flow
     *                     puts them in its own order
     * @param handoff      the way to a human
     * @param quickExitUrl the neutral site the quick exit goes to
     */
    public SafetyPanel(SafetyContext context, Actions actions, List<CrisisContact> contacts,
                       ScreeningService screenings, HumanHandoff handoff, String quickExitUrl) {
        this.context = context;
        this.actions = actions;
        this.contacts = List.copyOf(contacts);
        this.screenings = screenings;
        this.handoff = handoff;
        this.quickExitUrl = quickExitUrl;
        this.flow = SafetyFlow.choose(context.level(), context.ruleIds());
        this.urgent = context.level() == RiskLevel.CRISIS;

        setId("safety-panel");
        addClassNames("sp-safety", "sp-card");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("escalation.panel.label"));
        getElement().setAttribute("data-flow", flow.code());

        title.setId("safety-title");
        title.addClassName("sp-safety-title");
        crisisHelp.setId("safety-crisis");
        crisisHelp.addClassName("sp-safety-crisis");
        screen.setId("safety-screen");
        screen.addClassName("sp-screen");
        // new questions and the outcome are read out by screen readers as they appear
        screen.getElement().setAttribute("aria-live", "polite");
        contactLine.setId("safety-contact-line");
        contactLine.addClassName("sp-safety-line");
        add(title, step, crisisHelp, checkIn, screen, contactLine);
        log.info("safety flow {} on session {}", flow.code(), context.session());
        if (resumeHandoff()) {
            return;
        }

        switch (flow) {
            case CHECK_IN -> startCheckIn();
            case SUICIDE -> startSuicideFlow();
            case MEDICAL -> {
                title.setText(getTranslation("safety.flow.medical.title"));
                Paragraph text = new Paragraph(getTranslation("safety.flow.medical.text"));
                text.setId("flow-advice");
                step.add(text);
                // 112 first, nothing in between
                showCrisisHelp(false);
                close(null);
            }
            default -> startFlowStep();
        }
    }

    private void startSuicideFlow() {
        if (context.level() == RiskLevel.CRISIS) {
            showCrisisHelp(true);
        } else {
            title.setText(getTranslation("escalation.panel.title.concern"));
            Paragraph text = new Paragraph(getTranslation("escalation.checkin"));
            text.setId("safety-checkin");
            text.addClassName("sp-safety-checkin");
            checkIn.add(text);
            showContactLine();
        }
        startScreening();
    }

    /** Self-harm, abuse, harm to others, psychosis: their own first question, then the questions or the close. */
    private void startFlowStep() {
        String prefix = "safety.flow." + flow.code();
        title.setText(getTranslation(prefix + ".title"));
        if (flow == SafetyFlow.ABUSE) {
            step.add(new QuickExit(quickExitUrl));
        }
        step.add(new FlowStep(prefix, answer -> {
            urgent = answer;
            showCrisisHelp(false);
            if (flow.asksQuestions(context.ruleIds())) {
                startScreening();
            } else {
                close(null);
            }
        }, () -> showOutcome(null, true)));
        showContactLine();
    }

    /** An ambiguous signal: one question inside the dialogue, never the full questions unless the person asks. */
    private void startCheckIn() {
        addClassName("sp-safety-gentle");
        title.setText(getTranslation("safety.checkin.title"));
        Paragraph question = new Paragraph(getTranslation("safety.checkin.question"));
        question.setId("checkin-question");
        Button notOk = new Button(getTranslation("safety.checkin.not-ok"));
        notOk.setId("checkin-not-ok");
        Button ok = new Button(getTranslation("safety.checkin.ok"));
        ok.setId("checkin-ok");
        Button talk = new Button(getTranslation("safety.checkin.talk"));
        talk.setId("checkin-talk");
        Div answers = new Div(notOk, ok, talk);
        answers.addClassName("sp-screen-answers");
        checkIn.add(question, answers);
        showContactLine();

        notOk.addClickListener(click -> {
            checkIn.removeAll();
            contactLine.removeAll();
            flow = SafetyFlow.SUICIDE;
            getElement().setAttribute("data-flow", flow.code());
            removeClassName("sp-safety-gentle");
            startSuicideFlow();
        });
        ok.addClickListener(click -> {
            answers.setVisible(false);
            Paragraph fine = new Paragraph(getTranslation("safety.checkin.ok.done"));
            fine.setId("checkin-fine");
            checkIn.add(fine);
            actions.onContinue().run();
        });
        talk.addClickListener(click -> {
            notOk.setVisible(false);
            talk.setVisible(false);
            showCrisisHelp(false);
            talkToHuman(human, handoffArea);
        });
    }

    private void startScreening() {
        try {
            screening = screenings.start(context.visitor(), context.session(), context.level(), context.ruleIds());
        } catch (DataAccessException e) {
            log.warn("screening on session {} could not be started: {}", context.session(), LogSafe.describe(e));
            // without stored answers we do not ask: show every contact and let the person go on
            showCrisisHelp(false);
            screen.removeAll();
            Paragraph text = new Paragraph(getTranslation("screening.error.unavailable"));
            text.addClassName("sp-screen-error");
            screen.add(outcome(text, "unavailable"));
            return;
        }
        if (screening.finished()) {
            // what the person said already shows high risk: help now, no questions
            showCrisisHelp(false);
            close(screening.grade());
            return;
        }
        showQuestion(screening.next().orElseThrow(), true);
    }

    /**
     * Contacts on top in the flow's order, the way to a person right below; once shown it stays.
     *
     * @param suicideIntro whether this is the suicide flow's crisis view (its own title and words)
     */
    private void showCrisisHelp(boolean suicideIntro) {
        if (flow == SafetyFlow.SUICIDE || suicideIntro) {
            title.setText(getTranslation("escalation.panel.title.crisis"));
        }
        if (crisis) {
            return;
        }
        crisis = true;
        contactLine.removeAll();
        contactLine.setVisible(false);

        if (flow == SafetyFlow.SUICIDE) {
            Paragraph intro = new Paragraph(getTranslation("escalation.crisis.intro"));
            intro.addClassName("sp-safety-intro");
            crisisHelp.add(intro);
        }
        CrisisContactList list = new CrisisContactList(CrisisContact.ordered(contacts, flow.contactOrder(urgent)));
        list.setId("safety-contacts");

        handoffArea.setId("safety-handoff");
        handoffArea.addClassName("sp-safety-handoff");
        handoffArea.getElement().setAttribute("aria-live", "polite");
        human.setText(getTranslation("escalation.human.button"));
        human.setId("talk-to-human");
        human.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        human.addClassName("sp-safety-human");
        human.addClickListener(click -> talkToHuman(human, handoffArea));

        // the contacts first (112 first in a medical emergency), the way to a person right below
        crisisHelp.add(list, human, handoffArea);
    }

    /** Outside a crisis the flow's first contact (113 by default) stays in view under the questions. */
    private void showContactLine() {
        List<CrisisContact> ordered = CrisisContact.ordered(contacts, flow.contactOrder(urgent));
        if (ordered.isEmpty() || crisis) {
            return;
        }
        CrisisContact first = ordered.getFirst();
        Span ask = new Span(getTranslation("escalation.talk-now") + " ");
        contactLine.add(ask);
        if (!first.phones().equals(List.of(first.name()))) {
            // "112" is its own name: once is enough
            Span name = new Span(first.name() + " ");
            name.addClassName("sp-safety-line-name");
            contactLine.add(name);
        }
        contactLine.add(CrisisContactList.links(first));
    }

    /**
     * After a reload: a request for a person from this dialogue is shown again where it stands (still waiting, live,
     * nobody found in time, or closed: then the closing words, the contacts and the safety plan), not the questions
     * anew.
     */
    private boolean resumeHandoff() {
        try {
            var resumed = handoff.resume(context, live -> {
                screen.setVisible(!live);
                step.setVisible(!live);
            });
            if (resumed.isEmpty()) {
                return false;
            }
            title.setVisible(false);
            handoffArea.setId("safety-handoff");
            handoffArea.addClassName("sp-safety-handoff");
            handoffArea.add(resumed.get());
            crisisHelp.add(handoffArea);
            return true;
        } catch (RuntimeException e) {
            log.warn("handoff on session {} could not be shown again: {}", context.session(), LogSafe.describe(e));
            return false;
        }
    }

    private void talkToHuman(Button human, Div area) {
        area.removeAll();
        try {
            area.add(handoff.start(context, live -> {
                // during a live conversation the questions wait out of sight
                screen.setVisible(!live);
                step.setVisible(!live);
            }));
            human.setVisible(false);
            return;
        } catch (RuntimeException e) {
            log.warn("handoff on session {} could not be started: {}", context.session(), LogSafe.describe(e));
        }
        Paragraph sorry = new Paragraph(getTranslation("escalation.human.unavailable"));
        sorry.setId("human-unavailable");
        area.add(sorry);
        if (!contacts.isEmpty()) {
            area.add(CrisisContactList.links(contacts.getFirst()));
        }
    }

    private void showQuestion(Question question, boolean first) {
        screen.removeAll();
        if (first) {
            Paragraph intro = new Paragraph(getTranslation(introKey()));
            intro.setId("screen-intro");
            intro.addClassName("sp-screen-intro");
            screen.add(intro);
        }
        Paragraph text = new Paragraph(getTranslation(questionKey(question)));
        text.setId("screen-question");
        text.addClassName("sp-screen-question");
        text.getElement().setAttribute("data-question", question.code());

        Div error = new Div();
        error.addClassName("sp-screen-error");
        error.setVisible(false);

        Button yes = new Button(getTranslation("screening.yes"));
        yes.setId("screen-yes");
        Button no = new Button(getTranslation("screening.no"));
        no.setId("screen-no");
        yes.addClickListener(click -> answer(question, true, yes, no, error));
        no.addClickListener(click -> answer(question, false, yes, no, error));
        Div answers = new Div(yes, no);
        answers.addClassName("sp-screen-answers");

        Button dismiss = new Button(getTranslation("screening.dismiss"), click -> dismiss());
        dismiss.setId("screen-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dismiss.addClassName("sp-screen-dismiss");

        screen.add(text, answers, error, dismiss);
    }

    /** The questions start from what the person said, in words that follow theirs. */
    private String introKey() {
        if (flow != SafetyFlow.SUICIDE) {
            return "screening.intro.other-flow";
        }
        if (screening.screener().saidInOwnWords(Question.BEHAVIOUR)) {
            return "screening.intro.said-attempt";
        }
        if (screening.screener().saidInOwnWords(Question.THOUGHT_OF_HOW)) {
            return "screening.intro.said-how";
        }
        if (screening.screener().saidInOwnWords(Question.WISH_TO_BE_DEAD)) {
            return "screening.intro.said-wish";
        }
        return "screening.intro";
    }

    private String questionKey(Question question) {
        if (question == Question.SUICIDAL_THOUGHTS && screening.screener().saidInOwnWords(Question.WISH_TO_BE_DEAD)) {
            return "screening.q2.after-wish";
        }
        if (question == Question.INTENT && screening.screener().saidInOwnWords(Question.THOUGHT_OF_HOW)) {
            return "screening.q4.after-how";
        }
        return question.messageKey();
    }

    private void answer(Question question, boolean yes, Button yesButton, Button noButton, Div error) {
        yesButton.setEnabled(false);
        noButton.setEnabled(false);
        try {
            screening = screenings.answer(context.visitor(), screening.id(), question, yes);
        } catch (DataAccessException | IllegalStateException | ScreeningNotFoundException e) {
            log.warn("answer on screening {} not stored: {}", screening.id(), LogSafe.describe(e));
            error.setText(getTranslation("screening.error.not-saved"));
            error.setVisible(true);
            yesButton.setEnabled(true);
            noButton.setEnabled(true);
            showCrisisHelp(false);
            return;
        }
        if (screening.grade() == Grade.HIGH) {
            showCrisisHelp(false);
        }
        if (!screening.finished()) {
            showQuestion(screening.next().orElseThrow(), false);
        } else if (screening.grade() == Grade.NONE && flow == SafetyFlow.SUICIDE) {
            showOutcome(Grade.NONE, false);
        } else {
            close(screening.grade());
        }
    }

    private void dismiss() {
        try {
            screening = screenings.dismiss(context.visitor(), screening.id());
        } catch (DataAccessException | ScreeningNotFoundException e) {
            // not recorded, but the person's word counts: stop asking, keep the help
            log.warn("dismissal of screening {} not stored: {}", screening.id(), LogSafe.describe(e));
        }
        showOutcome(screening.grade(), true);
    }

    /** Nothing serious came out, or the person said we misunderstood: the dialogue may go on. */
    private void showOutcome(Grade grade, boolean dismissed) {
        screen.removeAll();
        String key = dismissed ? "escalation.outcome.dismissed" : "escalation.outcome." + grade.code();
        Paragraph text = new Paragraph(getTranslation(key));
        text.addClassName("sp-safety-outcome-text");
        screen.add(outcome(text, dismissed ? "dismissed" : grade.code()));
    }

    /** @param kind the grade, "dismissed" or "unavailable"; for styling and tests */
    private Div outcome(Paragraph text, String kind) {
        Div outcome = new Div(text);
        outcome.setId("safety-outcome");
        outcome.addClassNames("sp-safety-outcome", "sp-safety-outcome-" + kind);
        outcome.getElement().setAttribute("data-outcome", kind);
        outcome.add(SafetyClosing.planOffer(outcome));

        Button go = new Button(getTranslation("escalation.continue"));
        go.setId("continue-dialogue");
        if (!crisis) {
            // in a crisis the primary actions are the contacts and the person, not going on
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        go.addClickListener(click -> {
            actions.onContinue().run();
            // the panel and its help stay in the conversation; only the way on is used up
            go.setVisible(false);
        });
        outcome.add(go);
        return outcome;
    }

    /**
     * A positive screen, or a flow that is about more than words: no way back to the script's mirroring. Grounding,
     * the safety plan, a person (prominent unless the result is low) and what happens next; the dialogue ends.
     *
     * @param grade the screen's grade, or null when the flow asked no questions
     */
    private void close(Grade grade) {
        screen.removeAll();
        String outcomeKey = grade == null || flow != SafetyFlow.SUICIDE && grade == Grade.NONE
                ? "safety.flow." + flow.code() + ".outcome"
                : "escalation.outcome." + grade.code();
        boolean prominent = grade != Grade.LOW;
        screen.add(new SafetyClosing(getTranslation(outcomeKey), grade == null ? flow.code() : grade.code(),
                crisis ? null : this::offerHuman, prominent));
        if (isAttached()) {
            actions.onEnd().run();
        } else {
            addAttachListener(attach -> {
                attach.unregisterListener();
                actions.onEnd().run();
            });
        }
    }

    /** The way to a person for a closing without the crisis view: the same button, in the closing. */
    private void offerHuman(Div area, Button human) {
        human.setVisible(false);
        talkToHuman(human, area);
    }
}
