package nl.spiegel.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LearnServiceTest {

    private final LearnService learn = new LearnService();

    @Test
    void theExplanationsExistInOrder() {
        assertThat(learn.topics()).extracting(Topic::id)
                .containsExactly("wat-is-psychotherapie", "hoe-werkt-therapie", "wat-doet-een-therapeut",
                        "waarmee-helpt-therapie", "vormen", "psychodynamische-ideeen", "fasen",
                        "wanneer-minder-geschikt", "wanneer-niet");
    }

    private String body(String id, Locale locale) {
        return learn.topic(id).orElseThrow().body(locale).toLowerCase(Locale.ROOT);
    }

    @Test
    void howTherapyWorksNamesItsFourIngredients() {
        assertThat(body("hoe-werkt-therapie", Locale.of("nl")))
                .contains("inzicht", "gevoelens doorleven", "nieuw gedrag oefenen", "relatie met je therapeut");
        assertThat(body("hoe-werkt-therapie", Locale.ENGLISH))
                .contains("insight", "working through feelings", "practising new behaviour", "relationship");
    }

    @Test
    void whatATherapistDoesSaysNoFriendlyAdviceAndConfidentiality() {
        assertThat(body("wat-doet-een-therapeut", Locale.of("nl"))).contains("geen advies", "beroepsgeheim");
        assertThat(body("wat-doet-een-therapeut", Locale.ENGLISH)).contains("give advice", "professional secrecy");
    }

    @Test
    void whatTherapyHelpsWithGoesFromLifeQuestionsToDisorders() {
        assertThat(body("waarmee-helpt-therapie", Locale.of("nl"))).contains("levensvragen", "depressie",
                "persoonlijkheidsproblemen", "relaties");
    }

    @Test
    void psychodynamicIdeasExplainDefencesPatternsAndTransference() {
        assertThat(body("psychodynamische-ideeen", Locale.of("nl"))).contains("afweer", "patronen", "overdracht");
        assertThat(body("psychodynamische-ideeen", Locale.ENGLISH)).contains("defence", "pattern", "transference");
    }

    @Test
    void whenTherapyIsNotTheStepYetNamesCrisisAddictionThyroidAndOwnWish() {
        for (Locale locale : new Locale[] {Locale.of("nl"), Locale.ENGLISH}) {
            assertThat(body("wanneer-minder-geschikt", locale)).contains("113", "0800-0113", "112");
        }
        assertThat(body("wanneer-minder-geschikt", Locale.of("nl")))
                .contains("crisis", "verslaving", "schildklier", "zelf (nog) niet wilt");
        assertThat(body("wanneer-minder-geschikt", Locale.ENGLISH))
                .contains("crisis", "addiction", "thyroid", "don't want it yourself");
    }

    @Test
    void everyTopicHasTitleSummaryAndBodyInDutchAndEnglish() {
        for (Topic topic : learn.topics()) {
            for (Locale locale : new Locale[] {Locale.of("nl"), Locale.ENGLISH}) {
                assertThat(topic.title(locale)).as(topic.id()).isNotBlank();
                assertThat(topic.summary(locale)).as(topic.id()).isNotBlank();
                assertThat(topic.body(locale)).as(topic.id()).hasSizeGreaterThan(300);
            }
            assertThat(topic.body(Locale.of("nl"))).isNotEqualTo(topic.body(Locale.ENGLISH));
        }
    }

    @Test
    void formsCoverTheMainKindsOfTherapy() {
        String dutch = learn.topic("vormen").orElseThrow().body(Locale.of("nl")).toLowerCase(Locale.ROOT);
        assertThat(dutch).contains("cognitieve gedragstherapie", "psychodynamische", "cliëntgerichte", "systeemtherapie",
                "lichaamsgerichte", "trauma");
    }

    @Test
    void whenSelfHelpIsNotEnoughNamesTheCrisisContacts() {
        for (Locale locale : new Locale[] {Locale.of("nl"), Locale.ENGLISH}) {
            String body = learn.topic("wanneer-niet").orElseThrow().body(locale);
            assertThat(body).contains("113", "0800-0113", "112", "0800-2000");
        }
    }

    @Test
    void aTopicWithoutEnglishIsRejectedAtStartUp() {
        assertThatThrownBy(() -> LearnService.load("learn-broken/missing-english.yaml"))
                .hasMessageContaining("topic 'kapot': 'body' has no 'en' text");
    }
}
