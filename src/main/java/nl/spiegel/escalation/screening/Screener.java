package nl.spiegel.escalation.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up questions as an immutable value: each answer gives a new screener. Pure Java, so every branch and
 * grade can be tested without a database or a screen.
 *
 * <p>Order: 1, 2; only after a yes to 2 come 3, 4 and 5; then 6, and after a yes to 6 "in the past 3 months?".
 * As soon as the answers show high risk no further questions are asked: then the person needs help, not more
 * questions.
 *
 * <p>What the person already said in their own words comes first, as answers {@link Answer#fromWords() from their
 * words}, and is never asked again: after "ik wil niet meer leven" the first question is whether they actually
 * think of ending their life, not whether they wished they were dead.
 */
public record Screener(List<Answer> answers) {

    private static final List<Question> AFTER_THOUGHTS =
            List.of(Question.THOUGHT_OF_HOW, Question.INTENT, Question.PLAN_AND_INTENT);

    /**
     * @throws IllegalArgumentException when the answers are not in an order the screener could have asked them
     */
    public Screener {
        answers = List.copyOf(answers);
        boolean asking = false;
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (answer.fromWords()) {
                if (asking || answerTo(answers.subList(0, i), answer.question()).isPresent()) {
                    throw new IllegalArgumentException("answer " + (i + 1) + " from the person's words must come "
                            + "before the asked ones, once per question");
                }
                continue;
            }
            asking = true;
            Optional<Question> expected = next(answers.subList(0, i));
            if (expected.isEmpty() || expected.get() != answers.get(i).question()) {
                throw new IllegalArgumentException("answer " + (i + 1) + " is to " + answers.get(i).question()
                        + " but the question then was " + expected.map(Question::name).orElse("none"));
            }
        }
    }

    public static Screener start() {
        return new Screener(List.of());
    }

    /** Starts with what the person already said: each of these questions counts as answered yes. */
    public static Screener start(java.util.Set<Question> alreadySaid) {
        return new Screener(java.util.Arrays.stream(Question.values()).filter(alreadySaid::contains)
                .map(question -> new Answer(question, true, true)).toList());
    }

    /**
     * Starts with what the rules found in the person's message: an explicit or passive wish to die answers question
     * 1; a plan, means or asking for a method also 2 and 3; preparation also 6; an attempt answers 6, and "in the
     * past 3 months" too unless it was told as something of the past. Nothing is taken from a message the person
     * (half) denied or that was about someone else.
     *
     * @param ruleIds the stored rule ids of the message ({@code nl.crisis.explicit-wish}, {@code nl.modifier.past})
     */
    public static Screener fromRules(java.util.Collection<String> ruleIds) {
        return start(alreadySaid(ruleIds));
    }

    static java.util.Set<Question> alreadySaid(java.util.Collection<String> ruleIds) {
        java.util.Set<String> families = ruleIds.stream().map(nl.spiegel.risk.RiskKind::family)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<Question> said = java.util.EnumSet.noneOf(Question.class);
        if (families.contains("denial") || families.contains("hedged-denial") || families.contains("third-party")
                || families.contains("third-party-imminent")) {
            return said;
        }
        for (String family : families) {
            switch (family) {
                case "explicit-wish", "passive-wish", "farewell" -> said.add(Question.WISH_TO_BE_DEAD);
                case "plan", "means-action", "means-place", "method-seeking", "method-question" -> said.addAll(
                        List.of(Question.WISH_TO_BE_DEAD, Question.SUICIDAL_THOUGHTS, Question.THOUGHT_OF_HOW));
                case "preparation" -> said.addAll(List.of(Question.WISH_TO_BE_DEAD, Question.SUICIDAL_THOUGHTS,
                        Question.THOUGHT_OF_HOW, Question.BEHAVIOUR));
                case "attempt" -> {
                    said.add(Question.BEHAVIOUR);
                    if (!families.contains("past")) {
                        said.add(Question.BEHAVIOUR_RECENT);
                    }
                }
                default -> {
                    // other families say nothing the questions ask
                }
            }
        }
        return said;
    }

    /** True when this question was answered yes in the person's own words, before anything was asked. */
    public boolean saidInOwnWords(Question question) {
        return answers.stream().anyMatch(answer -> answer.fromWords() && answer.question() == question);
    }

    /** True when nothing was asked yet. */
    public boolean nothingAsked() {
        return answers.stream().allMatch(Answer::fromWords);
    }

    /** The question to ask now, or empty when the screening is complete. */
    public Optional<Question> next() {
        return next(answers);
    }

    public boolean complete() {
        return next().isEmpty();
    }

    /**
     * @throws IllegalStateException when this is not the question to ask now (for example a second click on a
     *                               question already answered) or the screening is complete
     */
    public Screener answer(Question question, boolean yes) {
        Question expected = next().orElseThrow(() -> new IllegalStateException("the screening is complete"));
        if (question != expected) {
            throw new IllegalStateException("expected an answer to " + expected + " but got " + question);
        }
        List<Answer> more = new ArrayList<>(answers);
        more.add(new Answer(question, yes));
        return new Screener(more);
    }

    /**
     * The grade of the answers so far. For a screening stopped half-way (the person said "you misunderstood me")
     * this is the grade of what was answered; behaviour of unknown date counts as older behaviour.
     */
    public Grade grade() {
        return grade(answers);
    }

    public Optional<Boolean> answerTo(Question question) {
        return answerTo(answers, question);
    }

    private static Optional<Question> next(List<Answer> answers) {
        if (grade(answers) == Grade.HIGH) {
            return Optional.empty();
        }
        if (answerTo(answers, Question.WISH_TO_BE_DEAD).isEmpty()) {
            return Optional.of(Question.WISH_TO_BE_DEAD);
        }
        if (answerTo(answers, Question.SUICIDAL_THOUGHTS).isEmpty()) {
            return Optional.of(Question.SUICIDAL_THOUGHTS);
        }
        if (yes(answers, Question.SUICIDAL_THOUGHTS)) {
            for (Question question : AFTER_THOUGHTS) {
                if (answerTo(answers, question).isEmpty()) {
                    return Optional.of(question);
                }
            }
        }
        if (answerTo(answers, Question.BEHAVIOUR).isEmpty()) {
            return Optional.of(Question.BEHAVIOUR);
        }
        if (yes(answers, Question.BEHAVIOUR) && answerTo(answers, Question.BEHAVIOUR_RECENT).isEmpty()) {
            return Optional.of(Question.BEHAVIOUR_RECENT);
        }
        return Optional.empty();
    }

    private static Grade grade(List<Answer> answers) {
        if (yes(answers, Question.INTENT) || yes(answers, Question.PLAN_AND_INTENT)
                || yes(answers, Question.BEHAVIOUR_RECENT)) {
            return Grade.HIGH;
        }
        if (yes(answers, Question.THOUGHT_OF_HOW) || yes(answers, Question.BEHAVIOUR)) {
            return Grade.MODERATE;
        }
        if (yes(answers, Question.WISH_TO_BE_DEAD) || yes(answers, Question.SUICIDAL_THOUGHTS)) {
            return Grade.LOW;
        }
        return Grade.NONE;
    }

    private static Optional<Boolean> answerTo(List<Answer> answers, Question question) {
        return answers.stream().filter(answer -> answer.question() == question).map(Answer::yes).findFirst();
    }

    private static boolean yes(List<Answer> answers, Question question) {
        return answerTo(answers, question).orElse(false);
    }
}
