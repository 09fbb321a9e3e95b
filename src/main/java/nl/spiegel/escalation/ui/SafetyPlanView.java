package nl.spiegel.escalation.ui;

import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import nl.spiegel.shared.LogSafe;
import nl.spiegel.escalation.SafetyPlan;
import nl.spiegel.escalation.SafetyPlanService;
import nl.spiegel.identity.CurrentVisitor;
import nl.spiegel.identity.Visitor;

/**
 * The person's safety plan: seven short sections in their own words, which they can open at any time. What was
 * typed stays in the fields when saving fails.
 */
@Route("safety-plan")
@AnonymousAllowed
public class SafetyPlanView extends Div implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SafetyPlanView.class);

    private final SafetyPlanService plans;
    private final CurrentVisitor visitor;
    private final Map<SafetyPlan.Section, TextArea> fields = new EnumMap<>(SafetyPlan.Section.class);
    private final Paragraph status = new Paragraph();
    private final Button save = new Button();

    public SafetyPlanView(SafetyPlanService plans, CurrentVisitor visitor) {
        this.plans = plans;
        this.visitor = visitor;
        addClassName("sp-plan");

        H1 title = new H1(getTranslation("safetyplan.title"));
        title.setId("plan-title");
        Paragraph intro = new Paragraph(getTranslation("safetyplan.intro"));
        intro.addClassName("sp-lead");
        Paragraph notAContract = new Paragraph(getTranslation("safetyplan.not-a-contract"));
        notAContract.setId("plan-not-a-contract");
        notAContract.addClassName("sp-plan-note");
        add(title, intro, notAContract);

        Div sections = new Div();
        sections.addClassName("sp-plan-sections");
        for (SafetyPlan.Section section : SafetyPlan.Section.values()) {
            TextArea field = new TextArea(getTranslation("safetyplan.section." + section.code()));
            field.setHelperText(getTranslation("safetyplan.section." + section.code() + ".help"));
            field.setId("plan-" + section.code());
            field.addClassName("sp-plan-section");
            field.setMaxLength(SafetyPlan.MAX_SECTION_LENGTH);
            field.setWidthFull();
            fields.put(section, field);
            sections.add(field);
        }
        add(sections);

        save.setText(getTranslation("safetyplan.save"));
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        status.setId("plan-status");
        status.addClassName("sp-plan-status");
        status.getElement().setAttribute("role", "status");
        Div actions = new Div(save, status);
        actions.addClassName("sp-plan-actions");
        add(actions);

        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("safetyplan.title") + " · " + getTranslation("app.name");
    }

    private void load() {
        try {
            SafetyPlan plan = plans.load(visitor.get());
            fields.forEach((section, field) -> field.setValue(plan.text(section)));
        } catch (DataAccessException e) {
            log.warn("safety plan could not be loaded: {}", LogSafe.describe(e));
            showError("safetyplan.error.not-loaded");
            // saving now would overwrite a plan we could not read with empty fields
            save.setEnabled(false);
        }
    }

    private void save() {
        Map<SafetyPlan.Section, String> texts = new EnumMap<>(SafetyPlan.Section.class);
        fields.forEach((section, field) -> texts.put(section, field.getValue()));
        Visitor owner = null;
        try {
            owner = visitor.get();
            plans.save(owner, new SafetyPlan(texts));
        } catch (DataAccessException | IllegalArgumentException e) {
            // only the kind of failure: a message could carry parts of what the person wrote
            log.warn("safety plan of user {} not saved: {}", owner == null ? "?" : owner.userId(),
                    e.getClass().getSimpleName());
            showError("safetyplan.error.not-saved");
            return;
        }
        status.removeClassName("sp-plan-error");
        status.setText(getTranslation("safetyplan.saved"));
        Notification.show(getTranslation("safetyplan.saved"), 4000, Notification.Position.BOTTOM_CENTER);
    }

    private void showError(String key) {
        status.addClassName("sp-plan-error");
        status.setText(getTranslation(key));
    }
}
