package nl.spiegel.risk;

import static nl.spiegel.risk.RiskLevel.CONCERN;
import static nl.spiegel.risk.RiskLevel.CRISIS;
import static nl.spiegel.risk.RiskLevel.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RiskDetectorTest {
    private static RiskDetector detector;

    @BeforeAll
    static void load() {
        detector = RiskDetector.loadDefault();
    }

    private static RiskLevel level(String text) {
        return detector.assess(text, null).level();
    }

    @Nested
    class Negation {
        @ParameterizedTest
        @ValueSource(strings = {"ik wil niet meer leven", "I don't want to live anymore", "ik wil niet langer leven",
                "I do not want to be alive any longer", "k wil nie meer leven"})
        void noLongerWantingToLiveKeepsTheRisk(String text) {
            assertThat(level(text)).isEqualTo(CRISIS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ik wil geen einde aan mijn leven maken, ik wil juist beter leren omgaan met stress",
                "I'm not suicidal, just tired of my commute", "ik heb geen zelfmoordgedachten",
                "I would never kill myself, I just need to vent"})
        void clearFirstPersonDenialIsNone(String text) {
            assertThat(level(text)).isEqualTo(NONE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ik ben niet echt suïcidaal", "I'm not really suicidal",
                "no plans but I think about it", "ik ben niet van plan me iets aan te doen maar ik denk er wel aan",
                "I don't think I'd kill myself"})
        void hedgedDenialIsConcern(String text) {
            assertThat(level(text)).isEqualTo(CONCERN);
        }

        @Test
        void negatorInAnEarlierClauseDoesNotDenyALaterWish() {
            assertThat(level("ik kan niet slapen en ik wil dood")).isEqualTo(CRISIS);
            assertThat(level("I can't sleep and I want to die")).isEqualTo(CRISIS);
        }

        @Test
        void anEarlierReassuranceInTheSentenceMakesALaterWishConcern() {
            assertThat(level("ik ga het niet doen hoor, maar ik wil eigenlijk wel dood")).isEqualTo(CONCERN);
            assertThat(level("I won't do anything, but I want to kill myself")).isEqualTo(CONCERN);
        }

        @Test
        void aPlanMarkerTurnsAWorryIntoCrisis() {
            assertThat(level("ik wil er niet meer zijn")).isEqualTo(CONCERN);
            assertThat(level("ik wil er niet meer zijn en ik weet ook hoe")).isEqualTo(CRISIS);
            assertThat(level("I don't want to be here anymore and I know how")).isEqualTo(CRISIS);
        }

        @Test
        void denialIsReportedAsACancelledMatchForReviewers() {
            RiskAssessment a = detector.assess("I'm not suicidal", "en");
            assertThat(a.ruleIds()).isEmpty();
            assertThat(a.matches()).extracting(RiskMatch::ruleId).contains("en.modifier.denial");
            assertThat(a.matches()).allMatch(m -> m.level() == NONE);
        }
    }

    @Nested
    class Idioms {
        @ParameterizedTest
        @ValueSource(strings = {"ik ga dood van het lachen", "ik lach me dood", "ik ben doodmoe",
                "I could kill for a pizza", "this deadline is killing me", "you're killing it",
                "I'm dying to see you", "het was een zelfmoordactie van de spits", "zelfmoordaanslag in Kabul",
                "kill the process", "I wanted to die of embarrassment", "mijn moeder vermoordt me als ze dit ziet"})
        void idiomsAreNone(String text) {
            assertThat(level(text)).isEqualTo(NONE);
        }

        @Test
        void idiomDoesNotDowngradeWhenAMeansOrTimeIsNear() {
            assertThat(level("I wanted to die of embarrassment")).isEqualTo(NONE);
            assertThat(level("I want to die of embarrassment tonight")).isEqualTo(CRISIS);
            assertThat(level("I want to die of embarrassment, pills are right here")).isEqualTo(CRISIS);
        }
    }

    @Nested
    class SeparableVerbs {
        @ParameterizedTest
        @ValueSource(strings = {"ik doe mezelf vanavond iets aan", "vanavond doe ik mezelf iets aan",
                "ik maak er een eind aan", "ik maak er vannacht echt een einde aan", "ik hang me op",
                "morgen hang ik me op", "ik ga me van kant maken", "ik ga mezelf iets aandoen"})
        void splitVerbsAreFoundAcrossWords(String text) {
            assertThat(level(text)).isEqualTo(CRISIS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ik trek me niks aan van wat ze zeggen", "ik hang de was op", "ik hang op",
                "ik wil een einde maken aan deze relatie", "ik doe mezelf een bad cadeau"})
        void lookalikesAreNone(String text) {
            assertThat(level(text)).isEqualTo(NONE);
        }
    }

    @Nested
    class LongMessages {
        @Test
        void oneRiskySentenceInTheMiddleDecides() {
            String text = "Vandaag was een gewone dag. Ik heb boodschappen gedaan en mijn zus gebeld. "
                    + "Eigenlijk wil ik gewoon dood. Morgen ga ik weer naar mijn werk en dan zien we wel.";
            RiskAssessment a = detector.assess(text, "nl");
            assertThat(a.level()).isEqualTo(CRISIS);
            RiskMatch m = a.matches().getFirst();
            assertThat(text.substring(m.start(), m.end())).isEqualTo("wil ik gewoon dood");
        }

        @Test
        void patternsDoNotCrossSentenceBoundaries() {
            assertThat(level("Ik wil naar huis. Dood moe ben ik.")).isEqualTo(NONE);
        }
    }

    @Nested
    class Emoji {
        @Test
        void pillEmojiWithATimeIsCrisis() {
            assertThat(level("vanavond 💊💊💊")).isEqualTo(CRISIS);
            assertThat(level("🪢 tonight")).isEqualTo(CRISIS);
        }

        @Test
        void despairWithAMeansEmojiIsCrisis() {
            assertThat(level("ik kan niet meer")).isEqualTo(CONCERN);
            assertThat(level("ik kan niet meer 💊💊")).isEqualTo(CRISIS);
        }

        @Test
        void medicationEmojiAloneIsNone() {
            assertThat(level("even mijn 💊 innemen en dan slapen")).isEqualTo(NONE);
        }
    }

    @Nested
    class ChatSpelling {
        @ParameterizedTest
        @ValueSource(strings = {"'k wil dood", "kwil dood", "k wil dooooood", "ik wiiiil dood", "i wanna die",
                "im gonna kill myself", "ik denk aan zelfmoort", "thinking about sucide", "i want to kil myself",
                "ik voel me suicidaal", "kms"})
        void chatSpellingAndMisspellingsAreUnderstood(String text) {
            assertThat(level(text)).isIn(CRISIS);
        }
    }

    @Nested
    class CodeSwitching {
        @Test
        void englishWishInADutchMessageIsFound() {
            assertThat(detector.assess("ik ben zo done met alles, I just want to die", "nl").level()).isEqualTo(CRISIS);
        }

        @Test
        void dutchWishInAnEnglishMessageIsFound() {
            assertThat(detector.assess("honestly ik wil gewoon dood", "en").level()).isEqualTo(CRISIS);
        }

        @Test
        void dutchConjunctionWantDoesNotSplitEnglishClauses() {
            assertThat(level("I don't want to die, I want to get better")).isEqualTo(NONE);
            assertThat(level("my friend wants to die")).isEqualTo(CONCERN);
        }
    }

    @Nested
    class ThirdParty {
        @ParameterizedTest
        @ValueSource(strings = {"mijn vriendin wil dood", "my brother says he wants to kill himself",
                "mijn zus zegt dat ze niet meer wil leven", "hij wil dood", "she wants to die",
                "vanmiddag zei ze dat ze dood wil", "ik denk dat mijn broer zelfmoord wil plegen"})
        void someoneElsesWishIsAtLeastConcern(String text) {
            assertThat(level(text)).isEqualTo(CONCERN);
        }

        @ParameterizedTest
        @ValueSource(strings = {"my friend took a whole bottle of pills", "mijn vriend heeft pillen genomen",
                "mijn vriend zegt dat hij vanavond van de brug springt", "my sister just tried to hang herself"})
        void someoneElseInImmediateDangerIsCrisis(String text) {
            assertThat(level(text)).isEqualTo(CRISIS);
        }
    }

    @Nested
    class Disguises {
        @Test
        void eachStretchedWordMayStandForOneLetterOrTwo() {
            // "tooooo" is "to" and "seeeeee" is "see": neither reading of the whole message has both
            assertThat(detector.assess("tooonight i'm going tooooo seeeeee grandma and graaaandpa in heaaaaveeeen, "
                    + "i've got everything reeeeeady", "en").level()).isEqualTo(CRISIS);
        }

        @Test
        void aReadingTheAnalyserDidNotChooseNeverLowers() {
            // "meeeeet" is also "meet", which an idiom about meeting someone knows; and "neeeet" (dialect "neet" for
            // "niet", or "net") is never a denial of what follows
            assertThat(level("ik ben zo done meeeeet aaalleees, I want to die")).isEqualTo(CRISIS);
            assertThat(level("hij heeft neeeet mijn dochter geslagen en staat nu aan de deur, zij zit met mij "
                    + "in de badkamer")).isEqualTo(level("hij heeft net mijn dochter geslagen en staat nu aan de "
                    + "deur, zij zit met mij in de badkamer"));
        }

        @Test
        void aNumberTheLexiconKnowsIsAWordInAMessageWrittenInDigits() {
            assertThat(level("d1t 15 m'n l44tste ber1cht")).isEqualTo(CRISIS);
            assertThat(level("dit is m'n laatste bericht")).isEqualTo(CRISIS);
        }

        @Test
        void aYearStaysAYearInTheBolderReading() {
            // a number among words makes the message worth a bolder reading; "1979" read as letters lost the past
            assertThat(level("na de dood van ons kindje heb ik in 1979 geprobeerd er een eind aan te maken, "
                    + "nu ik 73 ben komt het terug")).isEqualTo(CONCERN);
        }
    }

    @Test
    void aPersonAfterAPrepositionOrAsAVocativeIsNotTheSubject() {
        assertThat(level("ik heb de pillen van mijn moeder klaargelegd")).isEqualTo(CRISIS);
        assertThat(level("ik wil nie meer leven man")).isEqualTo(CRISIS);
    }

    @Test
    void dutchCompoundsMatchByTheirLastPart() {
        assertThat(level("ik ga morgen van de Erasmusbrug springen")).isEqualTo(CRISIS);
        assertThat(level("hoe hoog is de Erasmusbrug eigenlijk?")).isEqualTo(NONE);
    }

    @Test
    void blankOrNullTextIsNone() {
        assertThat(detector.assess(null, "nl")).isEqualTo(RiskAssessment.none());
        assertThat(detector.assess("   ", null).level()).isEqualTo(NONE);
        assertThat(detector.assess("👍", null).level()).isEqualTo(NONE);
    }

    @Test
    void ruleIdsAreEmptyWhenTheLevelIsNoneAndNamedOtherwise() {
        assertThat(detector.assess("ik heb een fijne dag gehad", "nl").ruleIds()).isEmpty();
        assertThat(detector.assess("ik wil dood", "nl").ruleIds()).containsExactly("nl.crisis.explicit-wish");
    }

    @Test
    void matchOffsetsPointIntoTheOriginalText() {
        String text = "Hé, ’k wil écht dood";
        RiskAssessment a = detector.assess(text, "nl");
        assertThat(a.level()).isEqualTo(CRISIS);
        for (RiskMatch m : a.matches()) {
            assertThat(m.end()).isLessThanOrEqualTo(text.length());
        }
        RiskMatch m = a.matches().getFirst();
        assertThat(text.substring(m.start(), m.end())).isEqualTo("wil écht dood");
    }

    @Test
    void isSafeToShareBetweenThreads() {
        List<String> texts = List.of("ik wil dood", "ik ga dood van het lachen", "I want to kill myself",
                "my friend took a whole bottle of pills", "ik kan niet meer 💊", "ik heb een fijne dag");
        List<RiskLevel> expected = texts.stream().map(RiskDetectorTest::level).toList();
        IntStream.range(0, 2000).parallel().forEach(i -> {
            int k = i % texts.size();
            assertThat(level(texts.get(k))).isEqualTo(expected.get(k));
        });
    }
}
