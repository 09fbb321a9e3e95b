package nl.spiegel.dialogue;

import com.vaadin.flow.component.Component;

import nl.spiegel.identity.Visitor;

/**
 * The optional one-tap mood check-in the chat shows at the start and at the end of a dialogue. Implemented by the
 * progress module, so the dialogue module does not depend on it; without an implementation the chat shows none.
 */
public interface ChatMoodCheckIn {

    enum Moment {
        START, END
    }

    Component create(Visitor visitor, SessionId session, Moment moment);
}
