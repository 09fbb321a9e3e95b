package nl.spiegel.progress.ui;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.escalation.ui.SafetyPanels;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.QuestionnaireResult;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.Score;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.shared.LogSafe;

/**
 * One questionnaire (PHQ-9 or GAD-7) at {@code /progress/questionnaire/phq9}: every item with the four answers,
 * skipping allowed. PHQ-9 item 9 above "not at all" opens the safety panel at once (crisis contacts, a person, the
 * follow-up questions), as soon as it is answered and whatever the rest of the form says.
 */
@Route("progress/questionnaire")
@AnonymousAllowed
public class QuestionnaireView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireView.class);

    /**
     * What the safety panel is told: a crisis-level signal of the suicide kind, so the contacts and a person show at
     * once and the follow-up questions start from the first (the item does not say which thought it was).
     */
    static final List<String> ITEM9_RULES = List.of("progress.crisis.suicide-mention");

    private final ProgressService progress;
    private final CurrentVisitor visitor;
    private final SafetyPanels safetyPanels;
    private final List<RadioButtonGroup<Integer>> items = new ArrayList<>();
    private final Div form = new Div();
    private final Div safety = new Div();
    private final Div result = new Div();
    private final Paragraph status = new Paragraph();
    private Instrument instrument;
    private boolean safetyShown;

    public QuestionnaireView(ProgressService progress, CurrentVisitor visitor,
                             SafetyPanels safetyPanels) {
        this.progress = progress;
        this.visitor = visitor;
        this.safetyPanels = safetyPanels;
        addClassName("sp-questionnaire");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        instrument = Instrument.ofCode(parameter).orElseThrow(NotFoundException::new);
        removeAll();
        items.clear();
        safetyShown = false;
        String prefix = "progress." + instrument.code();

        H1 title = new H1(getTranslation(prefix + ".title"));
        title.setId("questionnaire-title");
        Paragraph intro = new Paragraph(getTranslation("progress.questionnaire.intro"));
        intro.addClassName("sp-lead");
        Paragraph question = new Paragraph(getTranslation("progress.questionnaire.question"));
        question.setId("questionnaire-question");
        add(title, intro);

        form.removeAll();
        form.setId("questionnaire-form");
        form.add(question);
        safety.removeAll();
        safety.setId("questionnaire-safety");
        for (int i = 1; i <= instrument.items(); i++) {
            RadioButtonGroup<Integer> item = new RadioButtonGroup<>(
                    i + ". " + instrument.itemText(i, getLocale()));
            item.setId("item-" + i);
            item.addClassName("sp-questionnaire-item");
            item.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            item.setItems(instrument.answers());
            item.setItemLabelGenerator(answer -> instrument.answerLabel(answer, getLocale()));
            items.add(item);
            form.add(item);
            String itemId = instrument.definition().items().get(i - 1).id();
            instrument.definition().safety().stream().filter(rule -> rule.item().equals(itemId)).findFirst()
                    .ifPresent(rule -> {
                        // the script's safety rule (PHQ-9 item 9 speaks of being dead): the help is named right
                        // beside the item, and an answer above the rule's limit opens the panel at once
                        item.setHelperText(getTranslation("progress.questionnaire.item9.help"));
                        item.addValueChangeListener(change -> {
                            if (change.getValue() != null && change.getValue() > rule.above()) {
                                showSafetyPanel();
                            }
                        });
                        form.add(safety);
                    });
        }
        Button save = new Button(getTranslation("progress.questionnaire.save"), click -> save());
        save.setId("questionnaire-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph skip = new Paragraph(getTranslation("progress.questionnaire.skip"));
        skip.addClassName("sp-plan-note");
        status.setId("questionnaire-status");
        status.getElement().setAttribute("role", "status");
        form.add(skip, save, status);

        result.removeAll();
        result.setId("questionnaire-result");
        result.getElement().setAttribute("aria-live", "polite");
        add(form, result);
    }

    @Override
    public String getPageTitle() {
        String name = instrument == null ? "progress.title" : "progress." + instrument.code() + ".title";
        return getTranslation(name) + " · " + getTranslation("app.name");
    }

    private void showSafetyPanel() {
        if (safetyShown) {
            return;
        }
        safetyShown = true;
        Visitor person = visitor.get();
        // the person may go on with the questionnaire; the panel and the help stay on the page
        safety.add(safetyPanels.create(new SafetyContext(person, null, RiskLevel.CRISIS, ITEM9_RULES), () -> {
        }, () -> {
        }));
    }

    private void save() {
        List<Integer> answers = new ArrayList<>();
        items.forEach(item -> answers.add(item.getValue()));
        Score score = new Score(instrument, answers);
        if (score.asksForSafetyCheck()) {
            showSafetyPanel();
        }
        QuestionnaireResult saved;
        try {
            saved = progress.submit(visitor.get(), instrument, answers);
        } catch (DataAccessException e) {
            log.warn("questionnaire {} not saved: {}", instrument.code(), LogSafe.describe(e));
            status.setText(getTranslation("progress.questionnaire.error"));
            status.addClassName("sp-plan-error");
            return;
        }
        // the answers stay visible above the result; saving again would store a second result
        items.forEach(item -> item.setReadOnly(true));
        form.getChildren().filter(Button.class::isInstance).forEach(button -> button.setVisible(false));
        status.setText("");
        showResult(saved.score());
    }

    private void showResult(Score score) {
        result.removeAll();
        H2 heading = new H2(getTranslation("progress.result.title"));
        Paragraph total = new Paragraph();
        total.setId("result-total");
        if (score.complete()) {
            total.setText(getTranslation("progress.result.total", score.total().getAsInt(),
                    instrument.maxTotal(), instrument.bandLabel(score.band(), getLocale())));
            result.getElement().setAttribute("data-band", score.band().code());
        } else {
            total.setText(getTranslation("progress.result.incomplete", score.answered(), instrument.items()));
        }
        Paragraph meaning = new Paragraph(getTranslation("progress." + instrument.code() + ".means"));
        Paragraph notMeaning = new Paragraph(getTranslation("progress.not-a-diagnosis"));
        Anchor overview = new Anchor("progress", getTranslation("progress.result.to-overview"));
        overview.setId("result-to-progress");
        result.add(heading, total, meaning, notMeaning, overview);
    }
}
