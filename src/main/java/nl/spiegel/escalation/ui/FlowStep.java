package nl.spiegel.escalation.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The first question of a flow ("Is de wond ernstig?", "Ben je nu veilig?") with two answers and "you misunderstood
 * me". Once answered, the buttons go and the flow's advice for that answer takes their place.
 */
class FlowStep extends Div {

    private final Paragraph advice = new Paragraph();
    private final Div answers = new Div();

    /**
     * @param prefix   translation prefix of the flow, {@code safety.flow.abuse}
     * @param onAnswer gets true for the urgent answer (serious wound, not safe, afraid of acting now)
     */
    FlowStep(String prefix, Consumer<Boolean> onAnswer, Runnable onDismiss) {
        setId("safety-step");
        addClassName("sp-safety-step");
        Paragraph question = new Paragraph(getTranslation(prefix + ".question"));
        question.setId("flow-question");
        question.addClassName("sp-screen-question");

        Button urgent = new Button(getTranslation(prefix + ".yes"));
        urgent.setId("flow-urgent");
        Button calm = new Button(getTranslation(prefix + ".no"));
        calm.setId("flow-calm");
        Button dismiss = new Button(getTranslation("screening.dismiss"));
        dismiss.setId("flow-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dismiss.addClassName("sp-screen-dismiss");
        answers.add(urgent, calm, dismiss);
        answers.addClassName("sp-screen-answers");

        advice.setId("flow-advice");
        advice.addClassName("sp-safety-advice");
        advice.setVisible(false);
        advice.getElement().setAttribute("aria-live", "polite");

        urgent.addClickListener(click -> answered(prefix, true, onAnswer));
        calm.addClickListener(click -> answered(prefix, false, onAnswer));
        dismiss.addClickListener(click -> {
            answers.setVisible(false);
            onDismiss.run();
        });
        add(question, answers, advice);
    }

    private void answered(String prefix, boolean urgent, Consumer<Boolean> onAnswer) {
        answers.setVisible(false);
        advice.setText(getTranslation(prefix + (urgent ? ".urgent" : ".calm")));
        advice.getElement().setAttribute("data-answer", urgent ? "urgent" : "calm");
        advice.setVisible(true);
        onAnswer.accept(urgent);
    }
}
