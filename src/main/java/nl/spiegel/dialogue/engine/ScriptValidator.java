package nl.spiegel.dialogue.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a parsed script before anyone can run it: references, reachability, loops, dead ends, translations and
 * that every variable is set before it is used.
 */
public final class ScriptValidator {

    public static final int MAX_ANSWER_LENGTH = 4000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final Set<String> topics;

    /** A validator that knows no psycho-education topics: every {@code learn} link is reported. */
    public ScriptValidator() {
        this(Set.of());
    }

    /** @param topics the ids of the psycho-education topics a message may link with {@code learn} */
    public ScriptValidator(Set<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    public List<ScriptProblem> validate(Script script) {
        List<ScriptProblem> problems = new ArrayList<>();
        Reporter report = new Reporter(script.source(), problems);

        if (!ID.matcher(script.id()).matches()) {
            report.script("id '" + script.id() + "' may only contain lower-case letters, digits and '-'");
        }
        if (script.version() < 1) {
            report.script("version must be 1 or higher");
        }
        if (script.minutes() < 1) {
            report.script("minutes must be 1 or higher");
        }
        checkText(report, null, "title", script.title());
        checkText(report, null, "description", script.description());
        if (!script.nodes().containsKey(script.start())) {
            report.script("start '" + script.start() + "' does not exist");
            return problems;
        }
        for (Node node : script.nodes().values()) {
            checkNode(report, script, node);
        }
        ScriptGraph graph = ScriptGraph.of(script);
        Set<String> reachable = graph.reachable();
        for (String id : script.nodes().keySet()) {
            if (!reachable.contains(id)) {
                report.node(id, "cannot be reached from start '" + script.start() + "'");
            }
        }
        Optional<List<String>> loop = graph.findLoop();
        if (loop.isPresent()) {
            report.node(loop.get().get(0), "leads back to '" + loop.get().get(1)
                    + "', which makes a loop; dialogues must always move forward");
            return problems;
        }
        checkWaysBack(report, script, graph);
        checkVariables(report, script, graph);
        return problems;
    }

    private void checkNode(Reporter report, Script script, Node node) {
        String id = node.id();
        if (!ID.matcher(id).matches()) {
            report.node(id, "id may only contain lower-case letters, digits and '-'");
        }
        for (String target : node.targets()) {
            if (target == null || !script.nodes().containsKey(target)) {
                report.node(id, "next '" + target + "' does not exist");
            }
        }
        switch (node) {
            case Node.Message message -> {
                checkText(report, id, "text", message.text());
                checkVariants(report, id, message.variants(), false);
                checkLearn(report, id, message.learn());
                message.variants().forEach(variant -> checkLearn(report, id, variant.learn()));
            }
            case Node.Question question -> {
                checkText(report, id, "text", question.text());
                if (question.again() != null) {
                    checkText(report, id, "again", question.again());
                }
                checkVariableName(report, id, question.variable());
                if (question.maxLength() < 1 || question.maxLength() > MAX_ANSWER_LENGTH) {
                    report.node(id, "maxLength must be between 1 and " + MAX_ANSWER_LENGTH);
                }
            }
            case Node.Choice choice -> {
                checkText(report, id, "text", choice.text());
                if (choice.variable() != null) {
                    checkVariableName(report, id, choice.variable());
                }
                if (choice.options().size() < 2) {
                    report.node(id, "a choice needs at least two options (dead end otherwise)");
                }
                if (!choice.options().isEmpty() && choice.options().stream().allMatch(Node.Option::revise)) {
                    report.node(id, "every option goes back; at least one option must move forward");
                }
                Set<String> values = new HashSet<>();
                for (Node.Option option : choice.options()) {
                    if (!values.add(option.value())) {
                        report.node(id, "option value '" + option.value() + "' appears twice");
                    }
                    checkText(report, id, "label of option '" + option.value() + "'", option.label());
                    if (!Placeholders.in(option.label()).isEmpty()) {
                        report.node(id, "the label of option '" + option.value()
                                + "' contains a {variable}; option labels are shown as written");
                    }
                    option.set().keySet().forEach(variable -> checkVariableName(report, id, variable));
                    if (option.revise() && !script.nodes().containsKey(option.next())) {
                        report.node(id, "option '" + option.value() + "' goes back to '" + option.next()
                                + "', which does not exist");
                    }
                }
            }
            case Node.Reflection reflection -> {
                checkText(report, id, "text", reflection.text());
                if (Placeholders.in(reflection.text()).isEmpty()) {
                    report.node(id, "a reflection must mirror the person's words with at least one {variable}");
                }
                checkVariants(report, id, reflection.variants(), true);
            }
            case Node.Branch branch -> {
                if (branch.rules().isEmpty()) {
                    report.node(id, "a branch needs at least one 'when'");
                }
            }
            case Node.Exercise exercise -> {
                checkText(report, id, "title", exercise.title());
                checkText(report, id, "text", exercise.text());
            }
            case Node.Questionnaire questionnaire -> checkQuestionnaire(report, questionnaire);
            case Node.End end -> {
                checkText(report, id, "text", end.text());
                for (Node.SummaryItem item : end.summary()) {
                    checkText(report, id, "summary label for '" + item.variable() + "'", item.label());
                }
                if (end.story() != null) {
                    checkText(report, id, "story title", end.story().title());
                    if (end.story().sentences().isEmpty()) {
                        report.node(id, "a story needs at least one sentence");
                    }
                    for (Node.Sentence sentence : end.story().sentences()) {
                        checkText(report, id, "story sentence", sentence.text());
                    }
                }
            }
        }
    }

    private void checkLearn(Reporter report, String id, String learn) {
        if (learn != null && !topics.contains(learn)) {
            report.node(id, "learn '" + learn + "' is not a topic of \"Over therapie\"; known topics: "
                    + new java.util.TreeSet<>(topics));
        }
    }

    private static void checkVariants(Reporter report, String id, List<Node.Variant> variants, boolean mirror) {
        for (Node.Variant variant : variants) {
            checkText(report, id, "text of a variant", variant.text());
            if (mirror && Placeholders.in(variant.text()).isEmpty()) {
                report.node(id, "every variant of a reflection must mirror the person's words with a {variable}");
            }
            if (mirror && variant.learn() != null) {
                report.node(id, "only a message can link a topic with 'learn'");
            }
        }
    }

    /**
     * A way back must go to a node before the choice (the choice can be reached from it going forward), so the
     * person answers again and comes back to the same check. An {@code again} text is only ever shown on such a way.
     */
    private void checkWaysBack(Reporter report, Script script, ScriptGraph graph) {
        Set<String> revisited = new HashSet<>();
        for (Node node : script.nodes().values()) {
            if (!(node instanceof Node.Choice choice)) {
                continue;
            }
            for (Node.Option option : choice.options()) {
                if (!option.revise() || !script.nodes().containsKey(option.next())) {
                    continue;
                }
                Set<String> ahead = graph.reachableFrom(option.next());
                if (!ahead.contains(choice.id())) {
                    report.node(choice.id(), "option '" + option.value() + "' goes back to '" + option.next()
                            + "', which does not lead to this choice; a way back must return to an earlier node");
                    continue;
                }
                ahead.stream().filter(id -> graph.reachableFrom(id).contains(choice.id())).forEach(revisited::add);
            }
        }
        for (Node node : script.nodes().values()) {
            if (node instanceof Node.Question question && question.again() != null
                    && !revisited.contains(question.id())) {
                report.node(question.id(), "has an 'again' text, but no choice sends the person back to it");
            }
        }
    }

    /**
     * Data-flow over the loop-free graph: a placeholder or condition may only use variables set on every path to
     * its node; a summary item may use a variable set on some path (it is left out when empty).
     */
    private void checkVariables(Reporter report, Script script, ScriptGraph graph) {
        Map<String, Set<String>> mustIn = new HashMap<>();
        Map<String, Set<String>> mayIn = new HashMap<>();
        mustIn.put(script.start(), new HashSet<>());
        // context variables may be filled in at the start, or may stay empty: never "set on every path"
        mayIn.put(script.start(), new HashSet<>(DialogueContext.VARIABLES.keySet()));
        for (String id : graph.topologicalOrder()) {
            Node node = script.require(id);
            Set<String> must = mustIn.getOrDefault(id, Set.of());
            Set<String> may = mayIn.getOrDefault(id, Set.of());
            checkUses(report, script, node, must, may);
            if (node instanceof Node.Choice choice) {
                for (Node.Option option : choice.options()) {
                    Set<String> set = new HashSet<>(option.set().keySet());
                    if (choice.variable() != null) {
                        set.add(choice.variable());
                    }
                    flow(mustIn, mayIn, option.next(), must, may, set);
                }
            } else {
                Set<String> set = switch (node) {
                    case Node.Question question -> Set.of(question.variable());
                    // both are set, empty when the form was incomplete, so 'filled' can tell the two apart
                    case Node.Questionnaire questionnaire -> Set.of(questionnaire.variable(),
                            questionnaire.bandVariable());
                    default -> Set.of();
                };
                for (String target : node.targets()) {
                    flow(mustIn, mayIn, target, must, may, set);
                }
            }
        }
    }

    private static void flow(Map<String, Set<String>> mustIn, Map<String, Set<String>> mayIn, String target,
                             Set<String> must, Set<String> may, Set<String> set) {
        if (target == null) {
            return;
        }
        Set<String> mustOut = new HashSet<>(must);
        mustOut.addAll(set);
        Set<String> mayOut = new HashSet<>(may);
        mayOut.addAll(set);
        mustIn.merge(target, mustOut, (existing, incoming) -> {
            Set<String> both = new HashSet<>(existing);
            both.retainAll(incoming);
            return both;
        });
        mayIn.merge(target, mayOut, (existing, incoming) -> {
            Set<String> either = new HashSet<>(existing);
            either.addAll(incoming);
            return either;
        });
    }

    private void checkUses(Reporter report, Script script, Node node, Set<String> must, Set<String> may) {
        List<LocalizedText> texts = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        switch (node) {
            case Node.Message message -> {
                texts.add(message.text());
                message.variants().forEach(variant -> {
                    texts.add(variant.text());
                    conditions.add(variant.when());
                });
            }
            case Node.Question question -> {
                texts.add(question.text());
                if (question.again() != null) {
                    texts.add(question.again());
                }
            }
            case Node.Choice choice -> texts.add(choice.text());
            case Node.Questionnaire questionnaire -> texts.add(questionnaire.text());
            case Node.Reflection reflection -> {
                texts.add(reflection.text());
                reflection.variants().forEach(variant -> {
                    texts.add(variant.text());
                    conditions.add(variant.when());
                });
            }
            case Node.Exercise exercise -> {
                texts.add(exercise.title());
                texts.add(exercise.text());
            }
            case Node.Branch branch -> branch.rules().forEach(rule -> conditions.add(rule.when()));
            case Node.End end -> {
                texts.add(end.text());
                for (Node.SummaryItem item : end.summary()) {
                    if (DialogueContext.VARIABLES.containsKey(item.variable())) {
                        report.node(node.id(), contextShown(item.variable()));
                    } else if (!may.contains(item.variable())) {
                        report.node(node.id(), "summary uses variable '" + item.variable()
                                + "', which is never set before this node");
                    }
                }
                if (end.story() != null) {
                    // like summary items, a sentence may use answers from some paths only: it is left out otherwise
                    for (Node.Sentence sentence : end.story().sentences()) {
                        checkFormats(report, script, node.id(), sentence.text());
                        for (String variable : Placeholders.in(sentence.text())) {
                            if (DialogueContext.VARIABLES.containsKey(variable)) {
                                report.node(node.id(), contextShown(variable));
                            } else if (!may.contains(variable)) {
                                report.node(node.id(), "story uses variable '" + variable
                                        + "', which is never set before this node");
                            }
                        }
                        if (sentence.when() != null) {
                            checkCondition(report, script, node.id(), sentence.when(), may, may);
                        }
                    }
                }
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (LocalizedText text : texts) {
            used.addAll(Placeholders.in(text));
            checkFormats(report, script, node.id(), text);
        }
        for (String variable : used) {
            if (DialogueContext.VARIABLES.containsKey(variable)) {
                report.node(node.id(), contextShown(variable));
            } else if (!must.contains(variable)) {
                report.node(node.id(), "uses variable '" + variable + "', which is not set on every path to this node");
            }
        }
        conditions.forEach(condition -> checkCondition(report, script, node.id(), condition, must, may));
    }

    private static void checkCondition(Reporter report, Script script, String nodeId, Condition condition,
                                       Set<String> must, Set<String> may) {
        String variable = condition.variable();
        if (DialogueContext.VARIABLES.containsKey(variable)) {
            checkContextCondition(report, nodeId, condition);
            return;
        }
        switch (condition) {
            case Condition.Filled filled -> {
                // asking whether something was filled in only makes sense if some path can fill it in
                if (!may.contains(variable)) {
                    report.node(nodeId, "tests variable '" + variable + "', which is never set before this node");
                }
                return;
            }
            case Condition.LongerThan longer -> checkCharacters(report, nodeId, longer.chars());
            case Condition.ShorterThan shorter -> checkCharacters(report, nodeId, shorter.chars());
            case Condition.RiskAtLeast risk -> {
                int level = Condition.RiskAtLeast.LEVELS.indexOf(risk.level());
                if (level < 1) {
                    report.node(nodeId, "risk level '" + risk.level() + "' must be one of "
                            + Condition.RiskAtLeast.LEVELS.subList(1, Condition.RiskAtLeast.LEVELS.size()));
                }
            }
            default -> {
                if (!must.contains(variable)) {
                    report.node(nodeId, "uses variable '" + variable
                            + "', which is not set on every path to this node");
                }
                return;
            }
        }
        if (!freeText(script).contains(variable)) {
            report.node(nodeId, "tests the length or risk of '" + variable
                    + "', which is not a free-text answer; only answers to a question have those");
        } else if (!must.contains(variable)) {
            report.node(nodeId, "uses variable '" + variable + "', which is not set on every path to this node");
        }
    }

    /** A context variable may only be compared with the values it can take, or tested for being filled in. */
    private static void checkContextCondition(Reporter report, String nodeId, Condition condition) {
        String variable = condition.variable();
        List<String> known = DialogueContext.VARIABLES.get(variable);
        List<String> tested = switch (condition) {
            case Condition.EqualsValue equals -> List.of(equals.value());
            case Condition.InValues in -> in.values();
            case Condition.Filled filled -> List.of();
            default -> {
                report.node(nodeId, "'" + variable + "' is filled in by Spiegel; test it with equals, in or filled");
                yield List.of();
            }
        };
        for (String value : tested) {
            if (!known.contains(value)) {
                report.node(nodeId, "'" + variable + "' is never '" + value + "'; it is one of " + known);
            }
        }
    }

    private static String contextShown(String variable) {
        return "'" + variable + "' is filled in by Spiegel and can only be tested in a condition, not shown";
    }

    private static void checkCharacters(Reporter report, String nodeId, int chars) {
        if (chars < 1) {
            report.node(nodeId, "a length test needs a number of characters of 1 or more");
        }
    }

    private static void checkFormats(Reporter report, Script script, String nodeId, LocalizedText text) {
        for (Placeholders.Use use : new LinkedHashSet<>(Placeholders.uses(text))) {
            if (use.format() == null) {
                continue;
            }
            if (!Placeholders.SHORT.equals(use.format())) {
                report.node(nodeId, "{" + use.variable() + ":" + use.format() + "} has an unknown format; use {"
                        + use.variable() + "} or {" + use.variable() + ":" + Placeholders.SHORT + "}");
            } else if (!freeText(script).contains(use.variable())) {
                report.node(nodeId, "{" + use.variable() + ":" + Placeholders.SHORT + "} shortens free text, but '"
                        + use.variable() + "' is not the answer to a question");
            }
        }
    }

    private static Set<String> freeText(Script script) {
        Set<String> variables = new HashSet<>();
        script.nodes().values().forEach(node -> {
            if (node instanceof Node.Question question) {
                variables.add(question.variable());
            }
        });
        return variables;
    }

    /**
     * A questionnaire must score what it asks: every scoring or safety rule names an existing item, the answer scale
     * is whole, and the bands cover every possible total from the lowest up.
     */
    private void checkQuestionnaire(Reporter report, Node.Questionnaire questionnaire) {
        String id = questionnaire.id();
        checkText(report, id, "text", questionnaire.text());
        checkVariableName(report, id, questionnaire.variable());
        checkText(report, id, "result", questionnaire.result());
        checkText(report, id, "incomplete", questionnaire.incomplete());
        checkOnly(report, id, "result", questionnaire.result(), Set.of("total", "max", "band"));
        checkOnly(report, id, "incomplete", questionnaire.incomplete(), Set.of("answered", "items"));
        if (questionnaire.scale().size() < 2) {
            report.node(id, "the answer scale needs at least two steps");
        }
        Set<Integer> values = new HashSet<>();
        for (Node.ScaleStep step : questionnaire.scale()) {
            if (!values.add(step.value())) {
                report.node(id, "scale value " + step.value() + " appears twice");
            }
            if (step.value() < 0) {
                report.node(id, "scale value " + step.value() + " must be 0 or higher");
            }
            checkText(report, id, "label of scale value " + step.value(), step.label());
        }
        Set<String> items = new LinkedHashSet<>();
        if (questionnaire.items().isEmpty()) {
            report.node(id, "a questionnaire needs at least one item");
        }
        for (Node.Item item : questionnaire.items()) {
            if (!ID.matcher(item.id()).matches()) {
                report.node(id, "item id '" + item.id() + "' may only contain lower-case letters, digits and '-'");
            }
            if (!items.add(item.id())) {
                report.node(id, "item id '" + item.id() + "' is used twice");
            }
            checkText(report, id, "text of item '" + item.id() + "'", item.text());
        }
        if (questionnaire.scoring().isEmpty()) {
            report.node(id, "scoring must sum at least one item");
        }
        Set<String> scored = new HashSet<>();
        for (String item : questionnaire.scoring()) {
            if (!items.contains(item)) {
                report.node(id, "scoring refers to item '" + item + "', which is not an item of this questionnaire");
            } else if (!scored.add(item)) {
                report.node(id, "scoring counts item '" + item + "' twice");
            }
        }
        for (Node.SafetyRule rule : questionnaire.safety()) {
            if (!items.contains(rule.item())) {
                report.node(id, "safety rule refers to item '" + rule.item()
                        + "', which is not an item of this questionnaire");
            }
            if (!values.isEmpty() && (rule.above() < questionnaire.lowestAnswer()
                    || rule.above() >= questionnaire.highestAnswer())) {
                report.node(id, "safety rule on item '" + rule.item() + "' needs 'above' between "
                        + questionnaire.lowestAnswer() + " and " + (questionnaire.highestAnswer() - 1));
            }
        }
        checkBands(report, questionnaire, values.isEmpty() || questionnaire.scoring().isEmpty());
    }

    private static void checkBands(Reporter report, Node.Questionnaire questionnaire, boolean noTotals) {
        String id = questionnaire.id();
        List<Node.BandRule> bands = questionnaire.bands();
        if (bands.isEmpty()) {
            report.node(id, "a questionnaire needs at least one band");
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Node.BandRule band = bands.get(i);
            if (band.band() == null || !ID.matcher(band.band()).matches()) {
                report.node(id, "band code '" + band.band() + "' may only contain lower-case letters, digits and '-'");
            } else if (!codes.add(band.band())) {
                report.node(id, "band '" + band.band() + "' appears twice");
            }
            checkText(report, id, "label of band '" + band.band() + "'", band.label());
            if (i > 0 && band.from() <= bands.get(i - 1).from()) {
                report.node(id, "band '" + band.band() + "' must start above the band before it");
            }
        }
        if (noTotals) {
            return;
        }
        if (bands.getFirst().from() != questionnaire.minTotal()) {
            report.node(id, "the first band must start at the lowest possible total, " + questionnaire.minTotal());
        }
        if (bands.getLast().from() > questionnaire.maxTotal()) {
            report.node(id, "band '" + bands.getLast().band() + "' starts above the highest possible total, "
                    + questionnaire.maxTotal());
        }
    }

    private static void checkOnly(Reporter report, String nodeId, String what, LocalizedText text,
                                  Set<String> allowed) {
        for (String name : Placeholders.in(text)) {
            if (!allowed.contains(name)) {
                report.node(nodeId, what + " may only use " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + ", not {" + name + "}");
            }
        }
    }

    private static void checkText(Reporter report, String nodeId, String what, LocalizedText text) {
        for (String language : LocalizedText.LANGUAGES) {
            String value = text == null ? null : text.values().get(language);
            if (value == null || value.isBlank()) {
                String problem = what + " has no " + (language.equals("nl") ? "Dutch" : "English") + " text ('"
                        + language + "')";
                if (nodeId == null) {
                    report.script(problem);
                } else {
                    report.node(nodeId, problem);
                }
            }
        }
    }

    private static void checkVariableName(Reporter report, String nodeId, String variable) {
        if (variable == null || !VARIABLE.matcher(variable).matches()) {
            report.node(nodeId, "variable name '" + variable + "' must start with a letter and contain only "
                    + "letters, digits, '_' or '-'");
        } else if (DialogueContext.VARIABLES.containsKey(variable)) {
            report.node(nodeId, "'" + variable + "' is filled in by Spiegel itself when the dialogue starts; "
                    + "choose another name");
        }
    }

    private record Reporter(String source, List<ScriptProblem> problems) {
        void script(String problem) {
            problems.add(new ScriptProblem(source, null, problem));
        }

        void node(String nodeId, String problem) {
            problems.add(new ScriptProblem(source, nodeId, problem));
        }
    }
}
