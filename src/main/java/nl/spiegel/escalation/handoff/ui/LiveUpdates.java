package nl.spiegel.escalation.handoff.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

import nl.spiegel.escalation.handoff.HandoffEvent;

/** Runs a screen's reaction to a handoff event in that screen's own UI, pushed to the browser at once. */
final class LiveUpdates {

    private LiveUpdates() {
    }

    static Consumer<HandoffEvent> in(UI ui, Consumer<HandoffEvent> update) {
        return event -> {
            try {
                ui.access(() -> update.accept(event));
            } catch (UIDetachedException e) {
                // the screen was closed between the event and the update; its listener is removed on detach
            }
        };
    }
}
