package nl.spiegel.escalation.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

import nl.spiegel.escalation.CrisisContact;

/**
 * The dialog behind the "Hulp nodig?" button, with the crisis contacts of the visitor's organisation. Keeps the ids
 * and look of the fallback {@code CrisisDialog}.
 */
class HelpDialog extends Dialog {

    HelpDialog(List<CrisisContact> contacts) {
        setHeaderTitle(getTranslation("crisis.title"));
        setId("crisis-dialog");
        getElement().setAttribute("aria-label", getTranslation("crisis.title"));
        addClassName("sp-crisis");

        Div body = new Div();
        body.add(new Paragraph(getTranslation("crisis.intro")));
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
}
