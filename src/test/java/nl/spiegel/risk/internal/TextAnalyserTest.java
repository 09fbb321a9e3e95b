package nl.spiegel.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextAnalyserTest {
    private final TextAnalyser analyser = TextAnalyser.forTests(
            Map.of("k", new String[] {"ik"}, "mn", new String[] {"mijn"}, "nie", new String[] {"niet"},
                    "don't", new String[] {"do", "not"}, "kwil", new String[] {"ik", "wil"}),
            Set.of("dood", "wil", "die", "zelfmoord", "suicide", "pills"), List.of("zelfmoord", "suicide"));

    private List<String> terms(String text) {
        Tokens t = analyser.analyse(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.term(i));
        }
        return out;
    }

    @Test
    void keepsPronounsAndNegatorsThatAStopListWouldRemove() {
        assertThat(terms("Ik wil niet meer leven")).containsExactly("ik", "wil", "niet", "meer", "leven");
    }

    @Test
    void keepsEmojiAsTokensWithoutVariationSelectors() {
        assertThat(terms("vanavond 💊💊 🔪 ⚰️ 🪢")).containsExactly("vanavond", "💊", "💊", "🔪", "⚰", "🪢");
    }

    @Test
    void foldsDiacriticsAndCase() {
        assertThat(terms("Suïcide ÉÉN")).containsExactly("suicide", "een");
    }

    @Test
    void collapsesEmphasisRepeatsToTheFormTheLexiconKnows() {
        assertThat(terms("dooooood wiiiil dieeeee noooo")).containsExactly("dood", "wil", "die", "noo");
    }

    @Test
    void rewritesChatSpellingAndSplitsContractionsKeepingOffsets() {
        String text = "'k wil mn leven nie, I don't";
        Tokens t = analyser.analyse(text);
        assertThat(terms(text)).containsExactly("ik", "wil", "mijn", "leven", "niet", "i", "do", "not");
        // "do" and "not" both point at the word that was typed
        assertThat(text.substring(t.start(6), t.end(6))).isEqualTo("don't");
        assertThat(text.substring(t.start(7), t.end(7))).isEqualTo("don't");
        assertThat(text.substring(t.start(0), t.end(0))).isEqualTo("k");
    }

    @Test
    void readsAChatPluralInZAsSWhenOnlyThatIsALexiconWord() {
        assertThat(terms("all the pillz, jazz, quiz")).containsExactly("all", "the", "pills", "jazz", "quiz");
    }

    @Test
    void correctsOneTypoInKeyWordsAndTheirCompounds() {
        assertThat(terms("zelfmoort suicdie zelfmoortgedachten")).containsExactly("zelfmoord", "suicide",
                "zelfmoordgedachten");
        assertThat(terms("zelfmoordgedachten")).containsExactly("zelfmoordgedachten");
    }

    @Test
    void splitsSentencesOnPunctuationAndLineBreaksButNotOnEllipses() {
        Tokens t = analyser.analyse("Hallo. Ik wil... dood\nnieuwe regel 2.5 keer");
        assertThat(t.sentence(0)).isZero();
        assertThat(t.sentence(1)).isEqualTo(1);
        assertThat(t.sentence(3)).isEqualTo(1);
        assertThat(t.sentence(4)).isEqualTo(2);
        assertThat(t.term(6)).isEqualTo("2.5");
        assertThat(t.sentence(7)).isEqualTo(2);
    }

    @Test
    void stemsEveryTokenInBothLanguages() {
        Tokens t = analyser.analyse("pillen killing");
        assertThat(t.nlStem(0)).isEqualTo("pill");
        assertThat(t.enStem(1)).isEqualTo("kill");
    }
}
