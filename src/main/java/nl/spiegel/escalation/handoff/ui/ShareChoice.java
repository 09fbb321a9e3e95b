package nl.spiegel.escalation.handoff.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;

/**
 * The person's choice whether the therapist may read the message that raised the alert and their answers to the
 * questions. Yes unless they untick it, said plainly next to the box; they can change it while waiting or chatting.
 */
class ShareChoice extends Checkbox {

    ShareChoice(Consumer<Boolean> onChange) {
        super(true);
        setId("handoff-share");
        addClassName("sp-handoff-share");
        setLabel(getTranslation("handoff.share.label"));
        setHelperText(getTranslation("handoff.share.helper"));
        addValueChangeListener(event -> onChange.accept(event.getValue()));
    }

    /** Shows what is stored without telling the listener again. */
    void show(boolean stored) {
        if (getValue() != stored) {
            setValue(stored);
        }
    }
}
