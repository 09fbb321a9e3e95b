package nl.spiegel.escalation.ui;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.dialogue.ChatSafetyPanel.SafetyContext;
import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.HumanHandoff;
import nl.spiegel.escalation.Screening;
import nl.spiegel.escalation.ScreeningNotFoundException;
import nl.spiegel.escalation.ScreeningService;
import nl.spiegel.escalation.screening.Grade;
import nl.spiegel.escalation.screening.Question;
import nl.spiegel.risk.RiskLevel;

/**
 * What the chat shows after a risky message. On crisis: the contacts at once and the way to a person, then the
 * follow-up questions. On concern: a short check-in, then the questions; answers that show high risk turn it into
 * the crisis view. It never quotes what the person wrote, and the help never disappears: not on a "no", not on
 * "you misunderstood me", not when something fails.
 */
public class SafetyPanel extends Div {

    private static final Logger log = LoggerFactory.getLogger(SafetyPanel.class);

    private final SafetyContext context;
    private final Runnable onContinue;
    private final ScreeningService screenings;
    private final Supplier<HumanHandoff> handoff;
    private final List<CrisisContact> contacts;

    private final H2 title = new H2();
    private final Div crisisHelp = new Div();
    private final Div checkIn = new Div();
    private final Div screen = new Div();
    private final Div contactLine = new Div();
    private boolean crisis;
    private Screening screening;

    /**
     * @param contacts the crisis contacts of the person's organisation, in the language of the screen
     * @param handoff  gives the way to a human, or null when there is none
     */
    public SafetyPanel(SafetyContext context, Runnable onContinue, List<CrisisContact> contacts,
                       ScreeningService screenings, Supplier<HumanHandoff> handoff) {
        this.context = context;
        this.onContinue = onContinue;
        this.contacts = List.copyOf(contacts);
        this.screenings = screenings;
        this.handoff = handoff;

        setId("safety-panel");
        addClassNames("sp-safety", "sp-card");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("escalation.panel.label"));

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
        add(title, crisisHelp, checkIn, screen, contactLine);

        if (context.level() == RiskLevel.CRISIS) {
            showCrisisHelp();
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

    private void startScreening() {
        try {
            screening = screenings.start(context.visitor(), context.session(), context.level());
        } catch (DataAccessException e) {
            log.warn("screening on session {} could not be started: {}", context.session(), LogSafe.describe(e));
            // without stored answers we do not ask: show every contact and let the person go on
            showCrisisHelp();
            screen.removeAll();
            Paragraph text = new Paragraph(getTranslation("screening.error.unavailable"));
            text.addClassName("sp-screen-error");
            screen.add(outcome(text, "unavailable"));
            return;
        }
        showQuestion(screening.next().orElseThrow(), true);
    }

    /** Contacts on top, the way to a person right below; once shown it stays. */
    private void showCrisisHelp() {
        title.setText(getTranslation("escalation.panel.title.crisis"));
        if (crisis) {
            return;
        }
        crisis = true;
        contactLine.removeAll();
        contactLine.setVisible(false);

        Paragraph intro = new Paragraph(getTranslation("escalation.crisis.intro"));
        intro.addClassName("sp-safety-intro");
        CrisisContactList list = new CrisisContactList(contacts);
        list.setId("safety-contacts");

        Div handoffArea = new Div();
        handoffArea.setId("safety-handoff");
        handoffArea.addClassName("sp-safety-handoff");
        handoffArea.getElement().setAttribute("aria-live", "polite");
        Button human = new Button(getTranslation("escalation.human.button"));
        human.setId("talk-to-human");
        human.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        human.addClassName("sp-safety-human");
        human.addClickListener(click -> talkToHuman(human, handoffArea));

        crisisHelp.add(intro, list, human, handoffArea);
    }

    /** Outside a crisis the first contact (113 by default) stays in view under the questions. */
    private void showContactLine() {
        if (contacts.isEmpty()) {
            return;
        }
        CrisisContact first = contacts.getFirst();
        Span ask = new Span(getTranslation("escalation.talk-now") + " ");
        Span name = new Span(first.name() + " ");
        name.addClassName("sp-safety-line-name");
        contactLine.add(ask, name, CrisisContactList.links(first));
    }

    private void talkToHuman(Button human, Div area) {
        area.removeAll();
        HumanHandoff available = handoff.get();
        if (available != null) {
            try {
                area.add(available.start(context));
                human.setVisible(false);
                return;
            } catch (RuntimeException e) {
                log.warn("handoff on session {} could not be started: {}", context.session(), LogSafe.describe(e));
            }
        }
        Paragraph sorry = new Paragraph(getTranslation("escalation.human.unavailable"));
        sorry.setId("human-unavailable");
        area.add(sorry);
        if (!contacts.isEmpty()) {
            Div first = CrisisContactList.links(contacts.getFirst());
            area.add(first);
        }
    }

    private void showQuestion(Question question, boolean first) {
        screen.removeAll();
        if (first) {
            Paragraph intro = new Paragraph(getTranslation("screening.intro"));
            intro.addClassName("sp-screen-intro");
            screen.add(intro);
        }
        Paragraph text = new Paragraph(getTranslation(question.messageKey()));
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
            showCrisisHelp();
            return;
        }
        if (screening.grade() == Grade.HIGH) {
            showCrisisHelp();
        }
        if (screening.finished()) {
            showOutcome(screening.grade(), false);
        } else {
            showQuestion(screening.next().orElseThrow(), false);
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

        RouterLink plan = new RouterLink(getTranslation("escalation.safety-plan.link"), SafetyPlanView.class);
        plan.setId("safety-plan-link");
        Paragraph offer = new Paragraph(new Span(getTranslation("escalation.safety-plan.offer") + " "), plan);
        offer.addClassName("sp-safety-plan-offer");
        outcome.add(offer);

        Button go = new Button(getTranslation("escalation.continue"));
        go.setId("continue-dialogue");
        if (!crisis) {
            // in a crisis the primary actions are the contacts and the person, not going on
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        go.addClickListener(click -> {
            onContinue.run();
            // the panel and its help stay in the conversation; only the way on is used up
            go.setVisible(false);
        });
        outcome.add(go);
        return outcome;
    }
}
