package nl.spiegel.authoring;

import java.util.List;

/**
 * How many people are in each band of a questionnaire by their latest complete result.
 *
 * @param instrument {@code phq9} or {@code gad7}
 * @param bands      per band code ({@code minimal}, {@code mild}, ...), lowest first
 */
public record BandFigures(String instrument, Figure people, List<Share> bands) {

    public BandFigures {
        bands = List.copyOf(bands);
    }
}
