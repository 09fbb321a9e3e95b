package nl.spiegel.escalation.ui;

import java.util.function.BiConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The gentle end of a flow: what the result means, a person (now or a call back), grounding, the safety plan and
 * what happens next. No way back into the script: it would mirror the risky words.
 */
class SafetyClosing extends Div {

    /**
     * @param kind       the grade or the flow, for styling and tests
     * @param offerHuman shows the way to a person in the given area; null when the panel already offers one
     * @param prominent  whether the person is offered as the main action (not for a low result)
     */
    SafetyClosing(String outcome, String kind, BiConsumer<Div, Button> offerHuman, boolean prominent) {
        setId("safety-outcome");
        addClassNames("sp-safety-outcome", "sp-safety-closing", "sp-safety-outcome-" + kind);
        getElement().setAttribute("data-outcome", kind);
        getElement().setAttribute("data-closing", "true");
        Paragraph text = new Paragraph(outcome);
        text.addClassName("sp-safety-outcome-text");
        add(text);

        if (offerHuman != null) {
            Paragraph offer = new Paragraph(getTranslation("safety.closing.human.offer"));
            Button human = new Button(getTranslation("safety.closing.human.button"));
            human.setId("closing-human");
            human.addThemeVariants(prominent ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            Div area = new Div();
            area.setId("closing-handoff");
            area.getElement().setAttribute("aria-live", "polite");
            human.addClickListener(click -> offerHuman.accept(area, human));
            Div block = new Div(offer, human, area);
            block.addClassName(prominent ? "sp-closing-human" : "sp-closing-human-quiet");
            add(block);
        }

        Paragraph grounding = new Paragraph(getTranslation("safety.closing.grounding"));
        grounding.setId("safety-grounding");
        grounding.addClassName("sp-safety-grounding");
        Paragraph next = new Paragraph(getTranslation("safety.closing.next"));
        next.setId("safety-next");
        add(grounding, planOffer(this), next);
    }

    /** "A safety plan helps ..." with the link to the person's own plan. */
    static Paragraph planOffer(Component owner) {
        RouterLink plan = new RouterLink(owner.getTranslation("escalation.safety-plan.link"), SafetyPlanView.class);
        plan.setId("safety-plan-link");
        Paragraph offer = new Paragraph(new Span(owner.getTranslation("escalation.safety-plan.offer") + " "), plan);
        offer.addClassName("sp-safety-plan-offer");
        return offer;
    }
}
