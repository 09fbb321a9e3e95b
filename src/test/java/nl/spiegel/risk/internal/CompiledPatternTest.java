package nl.spiegel.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompiledPatternTest {
    @Test
    void expandsChoicesThatContainSequences() {
        assertThat(CompiledPattern.expand("end ..1 (my ..1 life|it|everything)"))
                .containsExactly("end ..1 (it|everything)", "end ..1 my ..1 life");
    }

    @Test
    void expandsOptionalWordsAndMergesTheGapsAroundThem() {
        assertThat(CompiledPattern.expand("ik ..1 geef ..1 (het)? ..1 op #END"))
                .containsExactly("ik ..1 geef ..1 (het) ..1 op #END", "ik ..1 geef ..2 op #END");
    }

    @Test
    void expandsNestedChoicesAndEndMarkers() {
        assertThat(CompiledPattern.expand("no ..1 point ..3 (#END|in ..1 (living|trying))"))
                .containsExactly("no ..1 point #END", "no ..1 point ..3 in ..1 (living|trying)");
    }

    @Test
    void patternWordsAreWrittenAsTheAnalyserSeesThem() {
        java.util.Map<String, String[]> spelling = java.util.Map.of("won't", new String[] {"will", "not"},
                "can't", new String[] {"can", "not"}, "mn", new String[] {"mijn"});
        assertThat(LexiconCompiler.spelled("{8} (won't|=can't) $MEANS mn leven*", spelling))
                .isEqualTo("{8} (will ..0 not|=can ..0 =not) $MEANS mijn leven*");
        assertThat(LexiconCompiler.spelled("ik ..2 wil ..1 (niet)? ..1 meer #END", spelling))
                .isEqualTo("ik ..2 wil ..1 (niet)? ..1 meer #END");
    }
}
