package nl.spiegel.dialogue.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a dialogue script: pure and deterministic. Given a script, a state and a reply it returns the next state and
 * the turns to show. It never touches storage, time or the network, so every transition can be unit-tested.
 */
public final class DialogueEngine {

    /** Starts a script and runs until the first node that needs a reply. */
    public Step start(Script script) {
        return start(script, Map.of());
    }

    /**
     * Starts a script with {@link DialogueContext} variables filled in (unknown names and values are dropped), so the
     * opening can refer to what the person did outside the dialogue.
     */
    public Step start(Script script, Map<String, String> context) {
        return advance(script, script.start(), new HashMap<>(DialogueContext.checked(context)), 0, new ArrayList<>());
    }

    /** Applies a reply to the waiting node and runs on to the next node that needs a reply, or to the end. */
    public Step next(Script script, DialogueState state, UserInput input) {
        return next(script, state, input, null);
    }

    /**
     * As {@link #next(Script, DialogueState, UserInput)}, for a free-text reply that was read at a risk level
     * ({@link Condition.RiskAtLeast#LEVELS}; {@code null} when unknown). The level is kept with the answer so an
     * acknowledgement can fit it; a newer answer to the same question replaces it.
     */
    public Step next(Script script, DialogueState state, UserInput input, String riskLevel) {
        if (state.finished()) {
            throw new InvalidInputException(InvalidInputException.Reason.FINISHED, "dialogue already finished");
        }
        Map<String, String> variables = new HashMap<>(state.variables());
        List<Turn> turns = new ArrayList<>();
        String next = switch (script.require(state.nodeId())) {
            case Node.Question question -> {
                if (!(input instanceof UserInput.Text(String raw))) {
                    throw new InvalidInputException(InvalidInputException.Reason.WRONG_KIND, "expected text");
                }
                String text = normalise(raw);
                if (text.isEmpty()) {
                    throw new InvalidInputException(InvalidInputException.Reason.EMPTY, "empty answer");
                }
                if (text.codePointCount(0, text.length()) > question.maxLength()) {
                    throw new InvalidInputException(InvalidInputException.Reason.TOO_LONG,
                            "longer than " + question.maxLength());
                }
                variables.put(question.variable(), text);
                if (riskLevel == null || riskLevel.equals("none")) {
                    variables.remove(Condition.riskKey(question.variable()));
                } else {
                    variables.put(Condition.riskKey(question.variable()), riskLevel);
                }
                turns.add(Turn.of(Turn.Kind.USER_TEXT, question.id(), LocalizedText.verbatim(text)));
                yield question.next();
            }
            case Node.Choice choice -> {
                if (!(input instanceof UserInput.Choice(String value))) {
                    throw new InvalidInputException(InvalidInputException.Reason.WRONG_KIND, "expected a choice");
                }
                Node.Option option = choice.options().stream()
                        .filter(candidate -> candidate.value().equals(value))
                        .findFirst()
                        .orElseThrow(() -> new InvalidInputException(InvalidInputException.Reason.UNKNOWN_OPTION,
                                "no option '" + value + "'"));
                if (choice.variable() != null) {
                    variables.put(choice.variable(), option.value());
                }
                variables.putAll(option.set());
                turns.add(Turn.of(Turn.Kind.USER_CHOICE, choice.id(), option.label()));
                yield option.next();
            }
            case Node.Questionnaire questionnaire -> {
                if (!(input instanceof UserInput.Answers answers)) {
                    throw new InvalidInputException(InvalidInputException.Reason.WRONG_KIND, "expected answers");
                }
                Map<String, Integer> given = checkedAnswers(questionnaire, answers);
                QuestionnaireOutcome outcome = questionnaire.score(given);
                variables.put(questionnaire.variable(), outcome.total().isPresent()
                        ? String.valueOf(outcome.total().getAsInt()) : "");
                variables.put(questionnaire.bandVariable(), outcome.band().map(Node.BandRule::band).orElse(""));
                turns.add(Turn.of(Turn.Kind.USER_CHOICE, questionnaire.id(), answersText(questionnaire, given)));
                turns.add(Turn.of(Turn.Kind.BOT, questionnaire.id(), resultText(questionnaire, outcome)));
                yield questionnaire.next();
            }
            default -> throw new InvalidInputException(InvalidInputException.Reason.WRONG_KIND,
                    "node '" + state.nodeId() + "' does not wait for a reply");
        };
        return advance(script, next, variables, state.answered() + 1, turns);
    }

    /** The reply the waiting node expects. */
    public Prompt prompt(Script script, DialogueState state) {
        if (state.finished()) {
            return new Prompt.None();
        }
        return switch (script.require(state.nodeId())) {
            case Node.Question question -> new Prompt.FreeText(question.maxLength());
            case Node.Choice choice -> new Prompt.Choices(choice.options());
            case Node.Questionnaire questionnaire -> new Prompt.Form(questionnaire);
            default -> new Prompt.None();
        };
    }

    public Progress progress(Script script, DialogueState state) {
        if (state.finished()) {
            return new Progress(state.answered(), state.answered());
        }
        return new Progress(state.answered(), state.answered() + ScriptGraph.of(script).maxRepliesFrom(state.nodeId()));
    }

    private Step advance(Script script, String nodeId, Map<String, String> variables, int answered, List<Turn> turns) {
        Renderer renderer = new Renderer(script, variables);
        // Forward edges are validated to be loop-free and a way back is only taken as a reply, so this terminates;
        // the bound guards against an unvalidated script.
        for (int guard = 0; guard <= script.nodes().size(); guard++) {
            Node node = script.require(nodeId);
            switch (node) {
                case Node.Message message -> {
                    Optional<Node.Variant> chosen = message.variants().stream()
                            .filter(variant -> variant.when().holds(variables)).findFirst();
                    // a link belongs to the text it is shown with
                    String learn = chosen.isPresent() ? chosen.get().learn() : message.learn();
                    turns.add(new Turn(Turn.Kind.BOT, message.id(),
                            renderer.render(chosen.map(Node.Variant::text).orElse(message.text())), Optional.empty(),
                            Optional.ofNullable(learn)));
                    nodeId = message.next();
                }
                case Node.Reflection reflection -> {
                    turns.add(Turn.of(Turn.Kind.REFLECTION, reflection.id(),
                            renderer.render(variant(reflection.text(), reflection.variants(), variables))));
                    nodeId = reflection.next();
                }
                case Node.Exercise exercise -> {
                    turns.add(new Turn(Turn.Kind.EXERCISE, exercise.id(), renderer.render(exercise.text()),
                            Optional.of(renderer.render(exercise.title()))));
                    nodeId = exercise.next();
                }
                case Node.Branch branch -> nodeId = branch.rules().stream()
                        .filter(rule -> rule.when().holds(variables))
                        .map(Node.Rule::next)
                        .findFirst()
                        .orElse(branch.otherwise());
                case Node.Question question -> {
                    // asked again after "that's not quite it": the old answer is still there until the new one comes
                    boolean again = question.again() != null && variables.containsKey(question.variable());
                    turns.add(Turn.of(Turn.Kind.BOT, question.id(),
                            renderer.render(again ? question.again() : question.text())));
                    return new Step(new DialogueState(question.id(), variables, false, answered), turns);
                }
                case Node.Choice choice -> {
                    turns.add(Turn.of(Turn.Kind.BOT, choice.id(), renderer.render(choice.text())));
                    return new Step(new DialogueState(choice.id(), variables, false, answered), turns);
                }
                case Node.Questionnaire questionnaire -> {
                    turns.add(Turn.of(Turn.Kind.BOT, questionnaire.id(), renderer.render(questionnaire.text())));
                    return new Step(new DialogueState(questionnaire.id(), variables, false, answered), turns);
                }
                case Node.End end -> {
                    turns.add(Turn.of(Turn.Kind.CLOSING, end.id(), renderer.render(end.text())));
                    if (end.story() != null) {
                        renderer.story(end.story()).ifPresent(story -> turns.add(
                                new Turn(Turn.Kind.SUMMARY, end.id(), story, Optional.of(end.story().title()))));
                    }
                    for (Node.SummaryItem item : end.summary()) {
                        renderer.value(item.variable()).ifPresent(value -> turns.add(
                                new Turn(Turn.Kind.SUMMARY, end.id(), value, Optional.of(item.label()))));
                    }
                    return new Step(new DialogueState(end.id(), variables, true, answered), turns);
                }
            }
        }
        throw new IllegalStateException("Script " + script.id() + " loops without waiting for a reply");
    }

    private static LocalizedText variant(LocalizedText text, List<Node.Variant> variants,
                                         Map<String, String> variables) {
        return variants.stream().filter(variant -> variant.when().holds(variables)).map(Node.Variant::text)
                .findFirst().orElse(text);
    }

    /** The answers with skipped items left out; an unknown item, a value off the scale or an empty form is refused. */
    private static Map<String, Integer> checkedAnswers(Node.Questionnaire questionnaire, UserInput.Answers answers) {
        Map<String, Integer> given = new HashMap<>();
        answers.values().forEach((item, value) -> {
            if (value == null) {
                return;
            }
            if (questionnaire.items().stream().noneMatch(candidate -> candidate.id().equals(item))) {
                throw new InvalidInputException(InvalidInputException.Reason.UNKNOWN_OPTION, "no item '" + item + "'");
            }
            if (questionnaire.step(value).isEmpty()) {
                throw new InvalidInputException(InvalidInputException.Reason.UNKNOWN_OPTION,
                        "value " + value + " is not on the scale");
            }
            given.put(item, value);
        });
        if (given.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Reason.NO_ANSWERS, "no item answered");
        }
        return given;
    }

    /** What the person answered, one line per item, shown as their own reply. */
    private static LocalizedText answersText(Node.Questionnaire questionnaire, Map<String, Integer> given) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String language : LocalizedText.LANGUAGES) {
            List<String> lines = new ArrayList<>();
            for (Node.Item item : questionnaire.items()) {
                Integer value = given.get(item.id());
                lines.add(item.text().in(language) + ": " + (value == null ? "\u2013"
                        : questionnaire.step(value).orElseThrow().label().in(language)));
            }
            values.put(language, String.join("\n", lines));
        }
        return new LocalizedText(values);
    }

    private static LocalizedText resultText(Node.Questionnaire questionnaire, QuestionnaireOutcome outcome) {
        if (outcome.complete()) {
            Node.BandRule band = outcome.band().orElseThrow();
            return questionnaire.result().mapWithLanguage((language, text) -> Placeholders.fill(text, use -> switch (use.variable()) {
                case "total" -> String.valueOf(outcome.total().getAsInt());
                case "max" -> String.valueOf(questionnaire.maxTotal());
                case "band" -> band.label().in(language);
                default -> "";
            }));
        }
        return questionnaire.incomplete().mapWithLanguage((language, text) -> Placeholders.fill(text, use -> switch (use.variable()) {
            case "answered" -> String.valueOf(outcome.answered());
            case "items" -> String.valueOf(outcome.items());
            default -> "";
        }));
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** Fills placeholders: free text as written, a choice as the label of the chosen option. */
    private record Renderer(Script script, Map<String, String> variables) {

        LocalizedText render(LocalizedText template) {
            return template.mapWithLanguage((language, text) -> Placeholders.fill(text,
                    use -> value(use.variable()).map(value -> !value.isVerbatim() ? value.in(language)
                            : Placeholders.SHORT.equals(use.format()) ? Placeholders.shortQuote(value.in(language))
                            : inSentence(value.in(language))).orElse(""))
                    // a short quote that ends a sentence needs no full stop after its ellipsis
                    .replace("\u2026.", "\u2026"));
        }

        /** The story's sentences whose condition holds and whose placeholders all have a value, as one paragraph. */
        Optional<LocalizedText> story(Node.Story story) {
            List<LocalizedText> sentences = story.sentences().stream()
                    .filter(sentence -> sentence.when() == null || sentence.when().holds(variables))
                    .filter(sentence -> Placeholders.in(sentence.text()).stream()
                            .allMatch(name -> value(name).isPresent()))
                    .map(sentence -> render(sentence.text()))
                    .toList();
            if (sentences.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> joined = new java.util.LinkedHashMap<>();
            for (String language : LocalizedText.LANGUAGES) {
                joined.put(language, String.join(" ", sentences.stream().map(text -> text.in(language)).toList()));
            }
            return Optional.of(new LocalizedText(joined));
        }

        /** Words mirrored inside a sentence lose their own closing full stop, so no ".". appears. */
        private static String inSentence(String words) {
            return words.replaceAll("[.\u2026\s]+$", "");
        }

        Optional<LocalizedText> value(String variable) {
            String value = variables.get(variable);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            for (Node node : script.nodes().values()) {
                if (node instanceof Node.Choice choice && variable.equals(choice.variable())) {
                    for (Node.Option option : choice.options()) {
                        if (option.value().equals(value)) {
                            return Optional.of(option.label());
                        }
                    }
                }
            }
            return Optional.of(LocalizedText.verbatim(value));
        }
    }
}
