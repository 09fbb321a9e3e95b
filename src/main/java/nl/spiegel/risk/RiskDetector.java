package nl.spiegel.risk;

import java.util.List;
import nl.spiegel.risk.internal.LexiconLoader;
import nl.spiegel.risk.internal.LexiconSpec;
import nl.spiegel.risk.internal.RuleEngine;

/**
 * Finds signs of crisis or concern in one chat message, from reviewable lexicon files ({@code risk/nl.yaml},
 * {@code risk/en.yaml} on the classpath). Pure Java, immutable and safe to share between threads.
 *
 * <p>It is a screen, not a diagnosis: it is tuned to miss as little real crisis as possible, and a positive result
 * should lead to the follow-up questions of the safety guide, not to conclusions.
 */
public final class RiskDetector {
    /** The lexicons shipped with the application, in the order their rules are reported. */
    public static final List<String> DEFAULT_LEXICONS = List.of("risk/nl.yaml", "risk/en.yaml");

    private final RuleEngine engine;

    private RiskDetector(RuleEngine engine) {
        this.engine = engine;
    }

    /** Loads the shipped Dutch and English lexicons; throws when a lexicon is missing or invalid. */
    public static RiskDetector loadDefault() {
        return load(DEFAULT_LEXICONS);
    }

    /** Loads the given classpath resources, e.g. an organisation's reviewed variant of the lexicons. */
    public static RiskDetector load(List<String> classpathResources) {
        List<LexiconSpec> specs = classpathResources.stream().map(LexiconLoader::loadResource).toList();
        return new RiskDetector(RuleEngine.compile(specs));
    }

    /**
     * Assesses one message.
     *
     * @param text     what the person wrote; null or blank gives NONE
     * @param language "nl", "en", or null/other when unknown. Every lexicon's rules run regardless, because people
     *                 switch language within one message ("ik kan niet meer, I just want to die"); the language of
     *                 each clause is guessed from its function words, and the hint only decides when that guess is
     *                 a tie (it chooses which negators, conjunctions and pronouns apply)
     */
    public RiskAssessment assess(String text, String language) {
        return engine.assess(text, language);
    }

    /** Lexicon sources with their {@code version:}, to store alongside assessments. */
    public List<String> lexiconVersions() {
        return engine.versions();
    }
}
