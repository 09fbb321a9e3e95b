package nl.spiegel.progress.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public-domain questionnaires Spiegel ships, with their standard scoring: every item is answered on the same
 * four-point scale (0 "not at all" to 3 "nearly every day"), the total is the sum, and the total falls in a band.
 *
 * <p>PHQ-9 bands (Kroenke, Spitzer and Williams 2001): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately
 * severe, 20-27 severe. GAD-7 bands (Spitzer et al. 2006): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
 */
public enum Instrument {
    PHQ9(9, List.of(new Cut(0, Band.MINIMAL), new Cut(5, Band.MILD), new Cut(10, Band.MODERATE),
            new Cut(15, Band.MODERATELY_SEVERE), new Cut(20, Band.SEVERE))),
    GAD7(7, List.of(new Cut(0, Band.MINIMAL), new Cut(5, Band.MILD), new Cut(10, Band.MODERATE),
            new Cut(15, Band.SEVERE)));

    /** The highest answer on the four-point scale ("nearly every day"). */
    public static final int MAX_ANSWER = 3;

    /** The lowest total of a band. */
    record Cut(int from, Band band) {
    }

    private final int items;
    private final List<Cut> cuts;

    Instrument(int items, List<Cut> cuts) {
        this.items = items;
        this.cuts = cuts;
    }

    public int items() {
        return items;
    }

    public int maxTotal() {
        return items * MAX_ANSWER;
    }

    /** The bands this instrument uses, lowest first. */
    public List<Band> bands() {
        return cuts.stream().map(Cut::band).toList();
    }

    /** The lowest total of a band of this instrument. */
    public int lowestTotal(Band band) {
        return cuts.stream().filter(cut -> cut.band() == band).findFirst().orElseThrow().from();
    }

    public Band band(int total) {
        if (total < 0 || total > maxTotal()) {
            throw new IllegalArgumentException("total " + total + " outside 0.." + maxTotal());
        }
        Band band = cuts.getFirst().band();
        for (Cut cut : cuts) {
            if (total >= cut.from()) {
                band = cut.band();
            }
        }
        return band;
    }

    /** In URLs and translation keys: {@code phq9}, {@code gad7}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Instrument> ofCode(String code) {
        for (Instrument instrument : values()) {
            if (instrument.code().equals(code)) {
                return Optional.of(instrument);
            }
        }
        return Optional.empty();
    }
}
