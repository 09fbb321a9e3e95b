package nl.spiegel.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import nl.spiegel.escalation.ScreenerAnswer;
import nl.spiegel.escalation.Screening;
import nl.spiegel.shared.i18n.Moments;

/**
 * The answers to Spiegel's follow-up questions in a shared dialogue, for the therapist: each question in full, yes
 * or no, and whether the person had already said it in their own words; plus what the answers add up to.
 */
class ScreeningAnswers extends Div {

    ScreeningAnswers(Screening screening) {
        setId("screening-answers");
        addClassName("sp-screening-answers");
        add(new H2(getTranslation("review.screening.title")));
        add(new Paragraph(getTranslation("review.screening.when",
                Moments.dateTime(screening.startedAt(), getLocale()))));
        UnorderedList answers = new UnorderedList();
        for (ScreenerAnswer answer : screening.answersInWords()) {
            String reply = getTranslation(answer.yes() ? "screening.yes" : "screening.no");
            ListItem item = new ListItem(getTranslation(answer.questionKey()) + " "
                    + getTranslation(answer.fromWords() ? "review.screening.own-words" : "review.screening.answer",
                    reply));
            item.addClassName("sp-screening-answer");
            answers.add(item);
        }
        if (screening.answersInWords().isEmpty()) {
            answers.add(new ListItem(getTranslation("review.screening.none")));
        }
        add(answers);
        Paragraph grade = new Paragraph(getTranslation("review.screening.grade." + screening.gradeCode()));
        grade.setId("screening-grade");
        add(grade);
        if (screening.dismissed()) {
            add(new Paragraph(getTranslation("review.screening.dismissed")));
        } else if (!screening.finished()) {
            add(new Paragraph(getTranslation("review.screening.unfinished")));
        }
    }
}
