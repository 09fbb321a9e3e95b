package nl.spiegel.escalation.handoff.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.escalation.handoff.SharedAlert;
import nl.spiegel.escalation.screening.Answer;

/**
 * On the therapist's screen: what the person chose to share (the message that raised the alert and their answers
 * to the questions, in plain words), or that they chose not to. Only the therapist in the conversation sees it.
 */
class SharedAlertView extends Div {

    SharedAlertView() {
        setId("therapist-shared");
        addClassName("sp-therapist-shared");
    }

    /** @param alert what the person shares, or null when they chose not to share it */
    void show(SharedAlert alert) {
        removeAll();
        if (alert == null) {
            Paragraph none = new Paragraph(getTranslation("therapist.shared.not-shared"));
            none.setId("therapist-shared-none");
            none.addClassName("sp-note");
            add(none);
            return;
        }
        add(new H3(getTranslation("therapist.shared.title")));
        Paragraph message = new Paragraph(alert.words().orElse(getTranslation("therapist.shared.no-message")));
        message.setId("therapist-shared-message");
        message.addClassName(alert.words().isPresent() ? "sp-therapist-shared-words" : "sp-note");
        add(new Paragraph(getTranslation("therapist.shared.message")), message);
        if (alert.answers().isEmpty()) {
            Paragraph noAnswers = new Paragraph(getTranslation("therapist.shared.no-answers"));
            noAnswers.addClassName("sp-note");
            add(noAnswers);
            return;
        }
        UnorderedList answers = new UnorderedList();
        answers.setId("therapist-shared-answers");
        for (Answer answer : alert.answers()) {
            String said = getTranslation(answer.yes() ? "therapist.shared.yes" : "therapist.shared.no");
            if (answer.fromWords()) {
                said += " " + getTranslation("therapist.shared.from-words");
            }
            answers.add(new ListItem(getTranslation(answer.question().messageKey()) + " " + said));
        }
        add(new Paragraph(getTranslation("therapist.shared.answers")), answers);
    }
}
