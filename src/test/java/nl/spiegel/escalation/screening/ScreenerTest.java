package nl.spiegel.escalation.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreenerTest {

    @Test
    void startsWithTheWishToBeDead() {
        Screener screener = Screener.start();
        assertThat(screener.next()).contains(Question.WISH_TO_BE_DEAD);
        assertThat(screener.complete()).isFalse();
        assertThat(screener.grade()).isEqualTo(Grade.NONE);
    }

    /**
     * Each row answers whatever the screener asks next, in order, and checks which questions were asked and the
     * grade at the end.
     */
    @ParameterizedTest(name = "{0} -> asked {1}, grade {2}")
    @CsvSource(delimiter = '|', textBlock = """
            n n n         | q1 q2 q6                    | NONE
            y n n         | q1 q2 q6                    | LOW
            n y n n n n   | q1 q2 q3 q4 q5 q6           | LOW
            y y n n n n   | q1 q2 q3 q4 q5 q6           | LOW
            y y y n n n   | q1 q2 q3 q4 q5 q6           | MODERATE
            n n y n       | q1 q2 q6 q6-recent          | MODERATE
            y y n n n y n | q1 q2 q3 q4 q5 q6 q6-recent | MODERATE
            y y y y       | q1 q2 q3 q4                 | HIGH
            y y n y       | q1 q2 q3 q4                 | HIGH
            y y y n y     | q1 q2 q3 q4 q5              | HIGH
            n n y y       | q1 q2 q6 q6-recent          | HIGH
            y y n n n y y | q1 q2 q3 q4 q5 q6 q6-recent | HIGH
            """)
    void branchesAndGrades(String answers, String asked, Grade grade) {
        Screener screener = Screener.start();
        List<String> questions = new ArrayList<>();
        for (String answer : answers.split(" ")) {
            Question question = screener.next().orElseThrow();
            questions.add(question.code());
            screener = screener.answer(question, answer.equals("y"));
        }

        assertThat(questions).containsExactlyElementsOf(Arrays.asList(asked.split(" ")));
        assertThat(screener.complete()).as("no further question").isTrue();
        assertThat(screener.grade()).isEqualTo(grade);
    }

    @Test
    void aNoToQuestionTwoSkipsStraightToQuestionSix() {
        Screener screener = Screener.start().answer(Question.WISH_TO_BE_DEAD, true)
                .answer(Question.SUICIDAL_THOUGHTS, false);
        assertThat(screener.next()).contains(Question.BEHAVIOUR);
    }

    @Test
    void aYesToQuestionTwoAsksHowNext() {
        Screener screener = Screener.start().answer(Question.WISH_TO_BE_DEAD, false)
                .answer(Question.SUICIDAL_THOUGHTS, true);
        assertThat(screener.next()).contains(Question.THOUGHT_OF_HOW);
        assertThat(screener.grade()).isEqualTo(Grade.LOW);
    }

    @Test
    void onlyAYesToQuestionSixAsksWhetherItWasInThePastThreeMonths() {
        Screener upToSix = Screener.start().answer(Question.WISH_TO_BE_DEAD, false)
                .answer(Question.SUICIDAL_THOUGHTS, false);
        assertThat(upToSix.answer(Question.BEHAVIOUR, true).next()).contains(Question.BEHAVIOUR_RECENT);
        assertThat(upToSix.answer(Question.BEHAVIOUR, false).next()).isEmpty();
    }

    @Test
    void highRiskStopsTheQuestionsAtOnce() {
        Screener screener = Screener.start().answer(Question.WISH_TO_BE_DEAD, true)
                .answer(Question.SUICIDAL_THOUGHTS, true).answer(Question.THOUGHT_OF_HOW, false)
                .answer(Question.INTENT, true);
        assertThat(screener.grade()).isEqualTo(Grade.HIGH);
        assertThat(screener.next()).isEmpty();
        assertThatThrownBy(() -> screener.answer(Question.PLAN_AND_INTENT, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void behaviourOfUnknownDateCountsAsOlderBehaviourWhenStoppedHalfWay() {
        Screener screener = Screener.start().answer(Question.WISH_TO_BE_DEAD, false)
                .answer(Question.SUICIDAL_THOUGHTS, false).answer(Question.BEHAVIOUR, true);
        assertThat(screener.complete()).isFalse();
        assertThat(screener.grade()).isEqualTo(Grade.MODERATE);
    }

    @Test
    void anAnswerToAnotherQuestionThanTheOneAskedIsRefused() {
        Screener screener = Screener.start().answer(Question.WISH_TO_BE_DEAD, true);
        assertThatThrownBy(() -> screener.answer(Question.WISH_TO_BE_DEAD, false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> screener.answer(Question.INTENT, true)).isInstanceOf(IllegalStateException.class);
        assertThat(screener.answers()).hasSize(1);
    }

    @Test
    void aCompleteScreeningTakesNoMoreAnswers() {
        Screener done = Screener.start().answer(Question.WISH_TO_BE_DEAD, false)
                .answer(Question.SUICIDAL_THOUGHTS, false).answer(Question.BEHAVIOUR, false);
        assertThat(done.complete()).isTrue();
        assertThatThrownBy(() -> done.answer(Question.BEHAVIOUR_RECENT, true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void answeringGivesANewScreenerAndLeavesTheOldOneAsItWas() {
        Screener before = Screener.start();
        Screener after = before.answer(Question.WISH_TO_BE_DEAD, true);
        assertThat(before.answers()).isEmpty();
        assertThat(after.answers()).containsExactly(new Answer(Question.WISH_TO_BE_DEAD, true));
    }

    @Test
    void storedAnswersAreOnlyAcceptedInAnOrderTheScreenerCouldHaveAsked() {
        assertThat(new Screener(List.of(new Answer(Question.WISH_TO_BE_DEAD, true),
                new Answer(Question.SUICIDAL_THOUGHTS, false), new Answer(Question.BEHAVIOUR, true))).next())
                .contains(Question.BEHAVIOUR_RECENT);
        assertThatThrownBy(() -> new Screener(List.of(new Answer(Question.WISH_TO_BE_DEAD, true),
                new Answer(Question.THOUGHT_OF_HOW, true)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Screener(List.of(new Answer(Question.WISH_TO_BE_DEAD, false),
                new Answer(Question.SUICIDAL_THOUGHTS, false), new Answer(Question.BEHAVIOUR, false),
                new Answer(Question.BEHAVIOUR_RECENT, false)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void questionCodesAreStable() {
        assertThat(Arrays.stream(Question.values()).map(Question::code))
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q6-recent");
        for (Question question : Question.values()) {
            assertThat(Question.fromCode(question.code())).isEqualTo(question);
        }
    }

    @Test
    void anExplicitWishCountsAsTheFirstQuestionAnsweredSoTheScreenerAsksAboutThoughtsNext() {
        Screener screener = Screener.fromRules(List.of("nl.crisis.explicit-wish"));

        assertThat(screener.saidInOwnWords(Question.WISH_TO_BE_DEAD)).isTrue();
        assertThat(screener.next()).contains(Question.SUICIDAL_THOUGHTS);
        assertThat(screener.grade()).isEqualTo(Grade.LOW);
        assertThat(screener.nothingAsked()).isTrue();

        Screener answered = screener.answer(Question.SUICIDAL_THOUGHTS, false);
        assertThat(answered.next()).contains(Question.BEHAVIOUR);
        assertThat(answered.nothingAsked()).isFalse();
    }

    @Test
    void aPlanSkipsToIntentAndARecentAttemptNeedsNoQuestionsAtAll() {
        assertThat(Screener.fromRules(List.of("nl.crisis.plan", "nl.modifier.with-means")).next())
                .contains(Question.INTENT);

        Screener attempt = Screener.fromRules(List.of("en.crisis.attempt"));
        assertThat(attempt.complete()).isTrue();
        assertThat(attempt.grade()).isEqualTo(Grade.HIGH);

        Screener pastAttempt = Screener.fromRules(List.of("nl.crisis.attempt", "nl.modifier.past"));
        assertThat(pastAttempt.next()).contains(Question.WISH_TO_BE_DEAD);
        assertThat(pastAttempt.answer(Question.WISH_TO_BE_DEAD, false).answer(Question.SUICIDAL_THOUGHTS, false)
                .next()).as("behaviour was said, when was not").contains(Question.BEHAVIOUR_RECENT);
    }

    @Test
    void nothingIsTakenFromADeniedOrThirdPartyMessage() {
        assertThat(Screener.fromRules(List.of("nl.crisis.explicit-wish", "nl.modifier.hedged-denial")).next())
                .contains(Question.WISH_TO_BE_DEAD);
        assertThat(Screener.fromRules(List.of("nl.crisis.explicit-wish", "nl.modifier.third-party")).next())
                .contains(Question.WISH_TO_BE_DEAD);
        assertThat(Screener.fromRules(List.of("model.concern")).next()).contains(Question.WISH_TO_BE_DEAD);
    }

    @Test
    void answersFromThePersonsWordsMustComeBeforeTheAskedOnes() {
        assertThatThrownBy(() -> new Screener(List.of(new Answer(Question.WISH_TO_BE_DEAD, false),
                new Answer(Question.BEHAVIOUR, true, true)))).isInstanceOf(IllegalArgumentException.class);
    }
}
