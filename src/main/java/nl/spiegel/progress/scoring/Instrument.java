package nl.spiegel.progress.scoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.spiegel.dialogue.ShippedQuestionnaires;
import nl.spiegel.dialogue.engine.Node;

/**
 * The public-domain questionnaires Spiegel ships. Their items, answer scale, scoring and bands are not written here:
 * they come from the questionnaire node of the shipped dialogue script with the same id ({@code questionnaires/phq9-v1.yaml},
 * {@code questionnaires/gad7-v1.yaml}), so the chat, the questionnaire page and the charts score alike.
 *
 * <p>PHQ-9 bands (Kroenke, Spitzer and Williams 2001): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately
 * severe, 20-27 severe. GAD-7 bands (Spitzer et al. 2006): 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
 */
public enum Instrument {
    PHQ9,
    GAD7;

    /** The definition from the shipped script. */
    public Node.Questionnaire definition() {
        return ShippedQuestionnaires.definition(code());
    }

    public int items() {
        return definition().items().size();
    }

    public int maxTotal() {
        return definition().maxTotal();
    }

    /** The values of the answer scale, lowest first. */
    public List<Integer> answers() {
        return definition().scale().stream().map(Node.ScaleStep::value).sorted().toList();
    }

    /** The bands this instrument uses, lowest first. */
    public List<Band> bands() {
        return definition().bands().stream().map(rule -> Band.ofCode(rule.band())).toList();
    }

    /** The lowest total of a band of this instrument. */
    public int lowestTotal(Band band) {
        return rule(band).from();
    }

    public Band band(int total) {
        return Band.ofCode(definition().band(total).band());
    }

    /** The plain words of a band, from the script. */
    public String bandLabel(Band band, Locale locale) {
        return rule(band).label().in(locale);
    }

    /** The text of item {@code number} (1-based), from the script. */
    public String itemText(int number, Locale locale) {
        return definition().items().get(number - 1).text().in(locale);
    }

    public String answerLabel(int value, Locale locale) {
        return definition().step(value).orElseThrow().label().in(locale);
    }

    /** The item id the script uses for item {@code number} (1-based). */
    String itemId(int number) {
        return definition().items().get(number - 1).id();
    }

    private Node.BandRule rule(Band band) {
        return definition().bands().stream().filter(rule -> rule.band().equals(band.code())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this + " has no band " + band));
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
