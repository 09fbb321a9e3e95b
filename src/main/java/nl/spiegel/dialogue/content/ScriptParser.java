package nl.spiegel.dialogue.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.YAMLException;

import nl.spiegel.dialogue.engine.Condition;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.ScriptProblem;
import nl.spiegel.dialogue.engine.ScriptValidator;
import nl.spiegel.shared.yaml.SafeYaml;

/**
 * Reads a dialogue script from YAML (format: docs/dialogue-scripts.md) and validates it. Every problem names the
 * file and the node.
 */
public final class ScriptParser {

    private static final int DEFAULT_MAX_LENGTH = 1000;
    private static final int DEFAULT_ORDER = 100;

    // the topics a message may link with 'learn': the shipped psycho-education corner, read once
    private static final java.util.concurrent.atomic.AtomicReference<java.util.Set<String>> TOPICS =
            new java.util.concurrent.atomic.AtomicReference<>();

    private final ScriptValidator validator = new ScriptValidator(topics());

    /** Ids of the psycho-education topics (learn/learn.yaml). */
    public static java.util.Set<String> topics() {
        return TOPICS.updateAndGet(known -> known != null ? known : new nl.spiegel.learn.LearnService().topics()
                .stream().map(nl.spiegel.learn.Topic::id).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Parses and validates; throws {@link ScriptFormatException} listing every problem found. */
    public Script parse(String source, InputStream in) {
        Object document;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            // scripts are data, never a way to instantiate classes; the reader's limits stop alias bombs and deep nesting
            document = SafeYaml.load(reader);
        } catch (YAMLException | IOException e) {
            throw new ScriptFormatException(List.of(new ScriptProblem(source, null,
                    "not valid YAML: " + firstLine(e.getMessage()))));
        }
        Context context = new Context(source);
        Script script = context.script(document);
        context.throwIfProblems();
        List<ScriptProblem> problems = validator.validate(script);
        if (!problems.isEmpty()) {
            throw new ScriptFormatException(problems);
        }
        return script;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Collects structural problems so an author sees all of them at once. */
    private static final class Context {
        private final String source;
        private final List<ScriptProblem> problems = new ArrayList<>();

        Context(String source) {
            this.source = source;
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new ScriptFormatException(problems);
            }
        }

        Script script(Object document) {
            if (!(document instanceof Map<?, ?> root)) {
                problems.add(new ScriptProblem(source, null, "the file must contain a mapping with id, version, ..."));
                throw new ScriptFormatException(problems);
            }
            String id = string(root, "id", null, true);
            int version = integer(root, "version", null, 0, true);
            int order = integer(root, "order", null, DEFAULT_ORDER, false);
            int minutes = integer(root, "minutes", null, 0, true);
            LocalizedText title = text(root, "title", null);
            LocalizedText description = text(root, "description", null);
            String start = string(root, "start", null, true);
            Map<String, Node> nodes = new LinkedHashMap<>();
            Object rawNodes = root.get("nodes");
            if (!(rawNodes instanceof List<?> list) || list.isEmpty()) {
                problems.add(new ScriptProblem(source, null, "'nodes' must be a non-empty list"));
            } else {
                for (Object rawNode : list) {
                    Node node = node(rawNode);
                    if (node != null && nodes.putIfAbsent(node.id(), node) != null) {
                        problems.add(new ScriptProblem(source, node.id(), "node id is used twice"));
                    }
                }
            }
            return new Script(id == null ? "" : id, version, order, minutes, title, description,
                    start == null ? "" : start, nodes, source);
        }

        private Node node(Object raw) {
            if (!(raw instanceof Map<?, ?> map)) {
                problems.add(new ScriptProblem(source, null, "every node must be a mapping"));
                return null;
            }
            String id = string(map, "id", null, true);
            if (id == null) {
                return null;
            }
            String type = string(map, "type", id, true);
            if (type == null) {
                return null;
            }
            return switch (type) {
                case "message" -> new Node.Message(id, text(map, "text", id), string(map, "next", id, true),
                        variants(map, id), string(map, "learn", id, false));
                case "question" -> new Node.Question(id, text(map, "text", id), string(map, "variable", id, true),
                        integer(map, "maxLength", id, DEFAULT_MAX_LENGTH, false), string(map, "next", id, true),
                        map.containsKey("again") ? text(map, "again", id) : null);
                case "choice" -> new Node.Choice(id, text(map, "text", id), string(map, "variable", id, false),
                        options(map, id));
                case "reflection" -> new Node.Reflection(id, text(map, "text", id), string(map, "next", id, true),
                        variants(map, id));
                case "branch" -> new Node.Branch(id, rules(map, id), string(map, "otherwise", id, true));
                case "exercise" -> new Node.Exercise(id, text(map, "title", id), text(map, "text", id),
                        string(map, "next", id, true));
                case "end" -> new Node.End(id, text(map, "text", id), summary(map, id), story(map, id));
                case "questionnaire" -> questionnaire(map, id);
                default -> {
                    problems.add(new ScriptProblem(source, id, "unknown type '" + type
                            + "' (use message, question, choice, reflection, branch, exercise, questionnaire or end)"));
                    yield null;
                }
            };
        }

        private Node.Questionnaire questionnaire(Map<?, ?> map, String id) {
            List<Node.ScaleStep> scale = new ArrayList<>();
            for (Map<?, ?> step : maps(map, "scale", id)) {
                scale.add(new Node.ScaleStep(integer(step, "value", id, 0, true), text(step, "label", id)));
            }
            List<Node.Item> items = new ArrayList<>();
            for (Map<?, ?> item : maps(map, "items", id)) {
                String itemId = string(item, "id", id, true);
                items.add(new Node.Item(itemId == null ? "" : itemId, text(item, "text", id)));
            }
            List<String> scoring = new ArrayList<>();
            if (map.get("scoring") instanceof Map<?, ?> rule && rule.get("sum") instanceof List<?> sum) {
                sum.forEach(item -> scoring.add(String.valueOf(item)));
            } else {
                problems.add(new ScriptProblem(source, id, "'scoring' must be a mapping with 'sum': a list of item ids"));
            }
            List<Node.BandRule> bands = new ArrayList<>();
            for (Map<?, ?> band : maps(map, "bands", id)) {
                bands.add(new Node.BandRule(integer(band, "from", id, 0, true), string(band, "band", id, true),
                        text(band, "label", id)));
            }
            List<Node.SafetyRule> safety = new ArrayList<>();
            if (map.containsKey("safety")) {
                for (Map<?, ?> rule : maps(map, "safety", id)) {
                    String item = string(rule, "item", id, true);
                    safety.add(new Node.SafetyRule(item == null ? "" : item, integer(rule, "above", id, 0, true)));
                }
            }
            return new Node.Questionnaire(id, text(map, "text", id), string(map, "variable", id, true), scale, items,
                    scoring, bands, safety, text(map, "result", id), text(map, "incomplete", id),
                    string(map, "next", id, true));
        }

        private List<Node.Option> options(Map<?, ?> map, String nodeId) {
            List<Node.Option> options = new ArrayList<>();
            for (Map<?, ?> option : maps(map, "options", nodeId)) {
                String value = string(option, "value", nodeId, true);
                Map<String, String> set = new LinkedHashMap<>();
                Object rawSet = option.get("set");
                if (rawSet instanceof Map<?, ?> setMap) {
                    setMap.forEach((key, val) -> set.put(String.valueOf(key), String.valueOf(val)));
                } else if (rawSet != null) {
                    problems.add(new ScriptProblem(source, nodeId, "'set' of option '" + value + "' must be a mapping"));
                }
                // 'revise: node' instead of 'next: node' sends the person back to answer again
                boolean revise = option.containsKey("revise");
                if (revise && option.containsKey("next")) {
                    problems.add(new ScriptProblem(source, nodeId, "option '" + value
                            + "' has both 'next' and 'revise'; use one"));
                }
                options.add(new Node.Option(value == null ? "" : value, text(option, "label", nodeId),
                        string(option, revise ? "revise" : "next", nodeId, true), set, revise));
            }
            return options;
        }

        private List<Node.Rule> rules(Map<?, ?> map, String nodeId) {
            List<Node.Rule> rules = new ArrayList<>();
            for (Map<?, ?> branch : maps(map, "branches", nodeId)) {
                Condition condition = condition(branch.get("when"), nodeId);
                String next = string(branch, "next", nodeId, true);
                if (condition != null) {
                    rules.add(new Node.Rule(condition, next));
                }
            }
            return rules;
        }

        private List<Node.Variant> variants(Map<?, ?> map, String nodeId) {
            List<Node.Variant> variants = new ArrayList<>();
            if (!map.containsKey("variants")) {
                return variants;
            }
            for (Map<?, ?> variant : maps(map, "variants", nodeId)) {
                Condition condition = condition(variant.get("when"), nodeId);
                LocalizedText text = text(variant, "text", nodeId);
                if (condition != null) {
                    variants.add(new Node.Variant(condition, text, string(variant, "learn", nodeId, false)));
                }
            }
            return variants;
        }

        private Node.Story story(Map<?, ?> map, String nodeId) {
            if (!map.containsKey("story")) {
                return null;
            }
            if (!(map.get("story") instanceof Map<?, ?> story)) {
                problems.add(new ScriptProblem(source, nodeId, "'story' must be a mapping with title and sentences"));
                return null;
            }
            List<Node.Sentence> sentences = new ArrayList<>();
            for (Map<?, ?> sentence : maps(story, "sentences", nodeId)) {
                Condition when = sentence.containsKey("when") ? condition(sentence.get("when"), nodeId) : null;
                sentences.add(new Node.Sentence(when, text(sentence, "text", nodeId)));
            }
            return new Node.Story(text(story, "title", nodeId), sentences);
        }

        private Condition condition(Object raw, String nodeId) {
            if (!(raw instanceof Map<?, ?> when)) {
                problems.add(new ScriptProblem(source, nodeId, "every branch needs a 'when' mapping"));
                return null;
            }
            String variable = string(when, "variable", nodeId, true);
            List<Condition> tests = new ArrayList<>();
            if (when.containsKey("equals")) {
                tests.add(new Condition.EqualsValue(variable, String.valueOf(when.get("equals"))));
            }
            if (when.containsKey("in")) {
                if (when.get("in") instanceof List<?> values) {
                    tests.add(new Condition.InValues(variable, values.stream().map(String::valueOf).toList()));
                } else {
                    problems.add(new ScriptProblem(source, nodeId, "'in' must be a list"));
                }
            }
            if (when.containsKey("filled")) {
                if (when.get("filled") instanceof Boolean filled) {
                    tests.add(new Condition.Filled(variable, filled));
                } else {
                    problems.add(new ScriptProblem(source, nodeId, "'filled' must be true or false"));
                    return null;
                }
            }
            for (String key : List.of("longerThan", "shorterThan")) {
                if (when.containsKey(key)) {
                    if (when.get(key) instanceof Integer chars) {
                        tests.add(key.equals("longerThan") ? new Condition.LongerThan(variable, chars)
                                : new Condition.ShorterThan(variable, chars));
                    } else {
                        problems.add(new ScriptProblem(source, nodeId, "'" + key + "' must be a whole number"));
                        return null;
                    }
                }
            }
            if (when.containsKey("riskAtLeast")) {
                tests.add(new Condition.RiskAtLeast(variable, String.valueOf(when.get("riskAtLeast"))));
            }
            if (tests.size() != 1 || variable == null) {
                problems.add(new ScriptProblem(source, nodeId, "a 'when' needs a variable and exactly one of "
                        + "equals, in, filled, longerThan, shorterThan, riskAtLeast"));
                return null;
            }
            return tests.getFirst();
        }

        private List<Node.SummaryItem> summary(Map<?, ?> map, String nodeId) {
            List<Node.SummaryItem> items = new ArrayList<>();
            if (!map.containsKey("summary")) {
                return items;
            }
            for (Map<?, ?> item : maps(map, "summary", nodeId)) {
                items.add(new Node.SummaryItem(text(item, "label", nodeId), string(item, "variable", nodeId, true)));
            }
            return items;
        }

        private List<Map<?, ?>> maps(Map<?, ?> map, String key, String nodeId) {
            Object raw = map.get(key);
            List<Map<?, ?>> result = new ArrayList<>();
            if (!(raw instanceof List<?> list)) {
                problems.add(new ScriptProblem(source, nodeId, "'" + key + "' must be a list"));
                return result;
            }
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> entryMap) {
                    result.add(entryMap);
                } else {
                    problems.add(new ScriptProblem(source, nodeId, "every entry of '" + key + "' must be a mapping"));
                }
            }
            return result;
        }

        private LocalizedText text(Map<?, ?> map, String key, String nodeId) {
            Object raw = map.get(key);
            if (!(raw instanceof Map<?, ?> languages)) {
                problems.add(new ScriptProblem(source, nodeId, "'" + key + "' must be a mapping with 'nl' and 'en'"));
                return new LocalizedText(Map.of());
            }
            Map<String, String> values = new LinkedHashMap<>();
            languages.forEach((language, value) -> {
                if (value != null) {
                    values.put(String.valueOf(language), String.valueOf(value).strip());
                }
            });
            return new LocalizedText(values);
        }

        private String string(Map<?, ?> map, String key, String nodeId, boolean required) {
            Object raw = map.get(key);
            if (raw == null || String.valueOf(raw).isBlank()) {
                if (required) {
                    problems.add(new ScriptProblem(source, nodeId, "'" + key + "' is missing"));
                }
                return null;
            }
            return String.valueOf(raw);
        }

        private int integer(Map<?, ?> map, String key, String nodeId, int fallback, boolean required) {
            Object raw = map.get(key);
            if (raw == null) {
                if (required) {
                    problems.add(new ScriptProblem(source, nodeId, "'" + key + "' is missing"));
                }
                return fallback;
            }
            if (raw instanceof Integer value) {
                return value;
            }
            problems.add(new ScriptProblem(source, nodeId, "'" + key + "' must be a whole number"));
            return fallback;
        }
    }
}
