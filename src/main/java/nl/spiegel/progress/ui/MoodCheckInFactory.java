package nl.spiegel.progress.ui;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.ChatMoodCheckIn;
import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.MoodService;
import nl.spiegel.shared.ui.CrisisDialog;
import nl.spiegel.shared.ui.HelpDialogFactory;

/** The chat's mood check-in, with the same help dialog as the help button. */
@Component
class MoodCheckInFactory implements ChatMoodCheckIn {

    private final MoodService moods;
    private final ObjectProvider<HelpDialogFactory> helpDialogs;

    MoodCheckInFactory(MoodService moods, ObjectProvider<HelpDialogFactory> helpDialogs) {
        this.moods = moods;
        this.helpDialogs = helpDialogs;
    }

    @Override
    public com.vaadin.flow.component.Component create(Visitor visitor, SessionId session, Moment moment) {
        return new MoodCheckIn(visitor, session, moment, moods,
                () -> helpDialogs.getIfAvailable(() -> CrisisDialog::new).create());
    }
}
