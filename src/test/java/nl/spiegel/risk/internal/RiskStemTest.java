package nl.spiegel.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the Snowball stems of representative lexicon words. The lexicons rely on these (a plain word matches every
 * form with the same stem); when a Lucene upgrade changes a stemmer this test fails first, and the lexicon forms must
 * be reviewed before the version is bumped.
 */
class RiskStemTest {
    @ParameterizedTest(name = "nl {0} -> {1}")
    @CsvSource({
            "leven, lev", "levens, leven", "dood, dod", "doden, dod", "pillen, pill", "pil, pil",
            "zelfmoord, zelfmoord", "zelfmoordgedachten, zelfmoordgedacht", "snijden, snijd", "gesneden, gesned",
            "ophangen, ophang", "springen, spring", "sterven, sterv", "verdwijnen, verdwijn", "opgeven, opgev",
            "genomen, genom", "geslikt, geslikt", "slikken, slik", "medicijnen, medicijn", "gedachten, gedacht",
            "willen, will", "mezelf, mezelf", "afscheidsbrief, afscheidsbrief", "overdosis, overdosis",
            "zelfbeschadiging, zelfbeschad", "vermoorden, vermoord", "suicidaal, suicidal"})
    void dutchStems(String word, String stem) {
        assertThat(TextAnalyser.dutchStem(word)).isEqualTo(stem);
    }

    @ParameterizedTest(name = "en {0} -> {1}")
    @CsvSource({
            "die, die", "dying, die", "died, die", "living, live", "lives, live", "suicidal, suicid",
            "suicide, suicid", "killing, kill", "kills, kill", "pills, pill", "cutting, cut", "hanging, hang",
            "overdosed, overdos", "overdose, overdos", "burden, burden", "hopeless, hopeless", "jumping, jump",
            "thoughts, thought", "laxatives, laxat", "wants, want", "tablets, tablet", "purging, purg"})
    void englishStems(String word, String stem) {
        assertThat(TextAnalyser.englishStem(word)).isEqualTo(stem);
    }
}
