package nl.spiegel.authoring;

import java.util.List;

import nl.spiegel.dialogue.engine.LocalizedText;

/**
 * The figures of one dialogue version: the funnel from started, through "answered at least n questions", to
 * completed. The first figure is the number of people who started, the last the number who completed.
 */
public record VersionUsage(String scriptId, int version, LocalizedText title, List<Figure> funnel) {

    public VersionUsage {
        funnel = List.copyOf(funnel);
    }

    public Figure started() {
        return funnel.getFirst();
    }

    public Figure completed() {
        return funnel.getLast();
    }
}
