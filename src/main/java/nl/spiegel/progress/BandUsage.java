package nl.spiegel.progress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many of an organisation's people are in each band of a questionnaire, by their latest complete result: counts
 * only, never who.
 *
 * @param instrument the questionnaire's code ({@code phq9}, {@code gad7})
 * @param byBand     people per band code ({@code minimal}, {@code mild}, ...), every band of the instrument present,
 *                   lowest first (0 when nobody)
 */
public record BandUsage(String instrument, Map<String, Integer> byBand) {

    public BandUsage {
        byBand = Collections.unmodifiableMap(new LinkedHashMap<>(byBand));
    }

    /** People with a complete result. */
    public int people() {
        return byBand.values().stream().mapToInt(Integer::intValue).sum();
    }
}
