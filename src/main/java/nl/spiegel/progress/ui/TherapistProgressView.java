package nl.spiegel.progress.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import nl.spiegel.identity.CurrentStaff;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.progress.MoodService;
import nl.spiegel.progress.ProgressService;
import nl.spiegel.progress.SharedProgress;
import nl.spiegel.progress.SharedProgressService;
import nl.spiegel.review.ShareAccessDeniedException;
import nl.spiegel.review.ShareId;
import nl.spiegel.shared.ui.StaffLayout;

/**
 * A person's progress for the therapist they shared a dialogue with, opened from that dialogue
 * ({@code /therapist/progress/<share>}): the same charts and tables as My progress, plus per result whether it changed
 * reliably since the first score (Jacobson-Truax). Only while the share allows it; every open is audited.
 */
@Route(value = "therapist/progress", layout = StaffLayout.class)
@RolesAllowed("THERAPIST")
public class TherapistProgressView extends ProgressView implements HasUrlParameter<String> {

    private final SharedProgressService shared;
    private final UserId me;

    public TherapistProgressView(ProgressService progress, MoodService moods, SharedProgressService shared,
                                 CurrentStaff currentStaff) {
        super(progress, moods, null, Audience.THERAPIST);
        this.shared = shared;
        this.me = currentStaff.get().map(StaffMember::userId).orElseThrow();
        addClassName("sp-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        Anchor back = new Anchor("therapist/review/" + parameter, getTranslation("progress.therapist.back"));
        back.setId("progress-therapist-back");
        H1 title = new H1(getTranslation("progress.therapist.title"));
        title.setId("progress-title");
        add(back, title);
        SharedProgress progress;
        try {
            progress = shared.read(me, ShareId.parse(parameter));
        } catch (IllegalArgumentException | ShareAccessDeniedException refused) {
            Paragraph gone = new Paragraph(getTranslation("progress.therapist.gone"));
            gone.setId("progress-therapist-gone");
            add(gone);
            return;
        }
        Paragraph about = new Paragraph(getTranslation("progress.therapist.about"));
        about.addClassName("sp-lead");
        add(about);
        show(progress.results(), progress.moods());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.therapist.title") + " · " + getTranslation("app.name");
    }
}
