package nl.spiegel.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LearnServiceTest {

    private final LearnService learn = new LearnService();

    @Test
    void theFourExplanationsExistInOrder() {
        assertThat(learn.topics()).extracting(Topic::id)
                .containsExactly("wat-is-psychotherapie", "vormen", "fasen", "wanneer-niet");
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
