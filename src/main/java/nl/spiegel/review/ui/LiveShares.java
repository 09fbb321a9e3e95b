package nl.spiegel.review.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

import nl.spiegel.identity.UserId;
import nl.spiegel.review.ReviewBroadcaster;
import nl.spiegel.review.ShareChanged;

/** Lets a therapist's screen follow their shares while it is attached, its updates pushed to the browser at once. */
final class LiveShares {

    private LiveShares() {
    }

    static void follow(Component view, ReviewBroadcaster broadcaster, UserId therapist,
                       Consumer<ShareChanged> update) {
        ReviewBroadcaster.Subscription[] current = new ReviewBroadcaster.Subscription[1];
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            current[0] = broadcaster.forTherapist(therapist, event -> {
                try {
                    ui.access(() -> update.accept(event));
                } catch (UIDetachedException closed) {
                    // the screen closed between the event and the update; its listener goes on detach
                }
            });
        });
        view.addDetachListener(detach -> {
            if (current[0] != null) {
                current[0].cancel();
                current[0] = null;
            }
        });
    }
}
