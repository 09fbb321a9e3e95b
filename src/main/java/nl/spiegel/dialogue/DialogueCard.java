package nl.spiegel.dialogue;

import nl.spiegel.dialogue.engine.LocalizedText;

/** A dialogue as listed on the start page, with where this visitor stands in it. */
public record DialogueCard(String scriptId, LocalizedText title, LocalizedText description, int minutes,
                           Status status) {

    public enum Status {
        NEW, IN_PROGRESS, DONE
    }

    /** The title in one language, for other modules' screens (the engine's text type stays inside this module). */
    public String titleIn(java.util.Locale locale) {
        return title.in(locale);
    }
}
