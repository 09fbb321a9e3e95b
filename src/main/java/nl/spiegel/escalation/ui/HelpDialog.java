package nl.spiegel.escalation.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

import nl.spiegel.escalation.CrisisContact;
import nl.spiegel.escalation.SafetyContext;
import nl.spiegel.identity.Visitor;
import nl.spiegel.risk.RiskLevel;

/**
 * The dialog behind the "Hulp nodig?" button, with the crisis contacts of the visitor's organisation and a person:
 * "talk to a person" when someone of the organisation is on duty, otherwise honestly and at once that nobody is, with
 * a form to be called back.
 */
class HelpDialog extends Dialog {

    /**
     * @param handoff the way to a person
     * @param visitor who asks, or null when not known (then only the contacts)
     */
    HelpDialog(List<CrisisContact> contacts, HumanHandoff handoff, Visitor visitor) {
        setHeaderTitle(getTranslation("crisis.title"));
        setId("crisis-dialog");
        getElement().setAttribute("aria-label", getTranslation("crisis.title"));
        addClassName("sp-crisis");

        Div body = new Div();
        body.add(new Paragraph(getTranslation("crisis.intro")));
        if (visitor != null) {
            body.add(person(handoff, visitor));
        }
        body.add(new CrisisContactList(contacts));

        RouterLink plan = new RouterLink(getTranslation("escalation.safety-plan.link"), SafetyPlanView.class);
        plan.setId("help-safety-plan");
        plan.getElement().addEventListener("click", click -> close());
        Paragraph planLine = new Paragraph(plan);
        planLine.addClassName("sp-safety-plan-offer");
        body.add(planLine);
        add(body);

        Button close = new Button(getTranslation("crisis.close"), click -> close());
        close.setId("crisis-close");
        getFooter().add(close);
    }

    private Div person(HumanHandoff handoff, Visitor visitor) {
        Div person = new Div(new H3(getTranslation("help.human.title")));
        person.setId("help-human");
        person.addClassName("sp-help-human");
        person.getElement().setAttribute("aria-live", "polite");
        if (handoff.someoneOnDuty(visitor.organisationId())) {
            person.getElement().setAttribute("data-on-duty", "true");
            Paragraph text = new Paragraph(getTranslation("help.human.available"));
            Button talk = new Button(getTranslation("help.human.button"));
            talk.setId("help-talk");
            talk.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div area = new Div();
            talk.addClickListener(click -> {
                talk.setVisible(false);
                area.add(handoff.start(new SafetyContext(visitor, null, RiskLevel.NONE, List.of()), live -> {
                }));
            });
            person.add(text, talk, area);
        } else {
            person.getElement().setAttribute("data-on-duty", "false");
            Paragraph nobody = new Paragraph(getTranslation("help.human.nobody"));
            nobody.setId("help-nobody");
            person.add(nobody);
            handoff.callbackForm(visitor).ifPresent(person::add);
        }
        return person;
    }
}
