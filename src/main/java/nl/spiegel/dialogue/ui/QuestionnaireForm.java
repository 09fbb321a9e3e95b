package nl.spiegel.dialogue.ui;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;

import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.UserInput;

/**
 * A questionnaire node in the chat: one radio group per item (a labelled group that the arrow keys move through),
 * skipping allowed, and one button to send the whole form.
 */
class QuestionnaireForm extends Div {

    private final Map<String, RadioButtonGroup<Integer>> groups = new LinkedHashMap<>();
    private final Paragraph error = new Paragraph();
    private final Button send;

    QuestionnaireForm(Node.Questionnaire questionnaire, Locale locale, Consumer<UserInput> onAnswer) {
        addClassName("sp-chat-questionnaire");
        setId("chat-questionnaire");
        int number = 1;
        for (Node.Item item : questionnaire.items()) {
            RadioButtonGroup<Integer> group = new RadioButtonGroup<>(number++ + ". " + item.text().in(locale));
            group.setId("q-" + questionnaire.id() + "-" + item.id());
            group.addClassName("sp-questionnaire-item");
            group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
            group.setItems(questionnaire.scale().stream().map(Node.ScaleStep::value).toList());
            group.setItemLabelGenerator(value -> questionnaire.step(value).orElseThrow().label().in(locale));
            groups.put(item.id(), group);
            add(group);
        }
        Paragraph skip = new Paragraph(getTranslation("chat.questionnaire.skip"));
        skip.addClassName("sp-hint");
        error.setId("questionnaire-error");
        error.addClassName("sp-plan-error");
        error.getElement().setAttribute("role", "alert");
        send = new Button(getTranslation("chat.questionnaire.send"), click -> {
            Map<String, Integer> values = new LinkedHashMap<>();
            groups.forEach((item, group) -> {
                if (group.getValue() != null) {
                    values.put(item, group.getValue());
                }
            });
            error.setText("");
            onAnswer.accept(new UserInput.Answers(values));
        });
        send.setId("questionnaire-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        add(skip, error, send);
    }

    void reject(String message) {
        error.setText(message);
        send.setEnabled(true);
    }

    void focusFirst() {
        groups.values().stream().findFirst().ifPresent(group -> group.getElement().callJsFunction("focus"));
    }
}
