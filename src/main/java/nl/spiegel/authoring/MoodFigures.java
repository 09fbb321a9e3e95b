package nl.spiegel.authoring;

import java.math.BigDecimal;
import java.util.List;

import nl.spiegel.dialogue.engine.LocalizedText;

/**
 * How people's mood changed over one dialogue version, among those who gave both the start and the end check-in.
 *
 * @param change     {@code better}, {@code same}, {@code worse}
 * @param meanBefore the mean start mood (1 to 5, one decimal), or null when the group is not shown
 * @param meanAfter  the mean end mood, or null when the group is not shown
 */
public record MoodFigures(String scriptId, int version, LocalizedText title, Figure people, List<Share> change,
                          BigDecimal meanBefore, BigDecimal meanAfter) {

    public MoodFigures {
        change = List.copyOf(change);
    }
}
