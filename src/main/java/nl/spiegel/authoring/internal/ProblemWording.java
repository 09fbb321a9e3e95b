package nl.spiegel.authoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.spiegel.dialogue.engine.ScriptProblem;

/**
 * Turns the validator's developer messages into message keys with arguments, so an author reads them in plain Dutch
 * or English. A message without a wording of its own is shown as the validator wrote it.
 */
final class ProblemWording {

    record Worded(String code, List<String> args, String key) {
    }

    private record Rule(Pattern pattern, String code, int keyGroup) {
    }

    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z]+)'");

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("'(\\w+)' is missing"), "missing", 1),
            new Rule(Pattern.compile("the file must contain a mapping.*"), "not-a-mapping", 0),
            new Rule(Pattern.compile("(\\w+) has no (?:Dutch|English) text \\('(nl|en)'\\)"), "no-text", 1),
            new Rule(Pattern.compile("(.+) has no (?:Dutch|English) text \\('(nl|en)'\\)"), "no-text", 0),
            new Rule(Pattern.compile("'(\\w+)' must be a mapping with 'nl' and 'en'"), "no-languages", 1),
            new Rule(Pattern.compile("unknown type '(.*)' .*"), "unknown-type", 0),
            new Rule(Pattern.compile("next '(.*)' does not exist"), "unknown-next", 0),
            new Rule(Pattern.compile("start '(.*)' does not exist"), "unknown-start", 0),
            new Rule(Pattern.compile("cannot be reached from start '(.*)'"), "unreachable", 0),
            new Rule(Pattern.compile("uses variable '(.*)', which is not set on every path to this node"),
                    "variable-unset", 0),
            new Rule(Pattern.compile("leads back to '(.*)', which makes a loop.*"), "loop", 0),
            new Rule(Pattern.compile("node id is used twice"), "duplicate-id", 0),
            new Rule(Pattern.compile("'(\\w+)' must be a whole number"), "not-a-number", 1),
            new Rule(Pattern.compile("'nodes' must be a non-empty list"), "no-steps", 0),
            new Rule(Pattern.compile("a choice needs at least two options.*"), "few-options", 0),
            new Rule(Pattern.compile("a reflection must mirror .*"), "reflection-without-words", 0),
            new Rule(Pattern.compile("learn '(.*)' is not a topic of \"Over therapie\"; known topics: \\[(.*)]"),
                    "unknown-topic", 0),
            new Rule(Pattern.compile("'(.*)' is filled in by Spiegel and can only be tested in a condition, not shown"),
                    "context-shown", 0),
            new Rule(Pattern.compile("'(.*)' is never '(.*)'; it is one of \\[(.*)]"), "context-value", 0),
            new Rule(Pattern.compile("'(.*)' is filled in by Spiegel itself when the dialogue starts; choose another name"),
                    "context-set", 0));

    private ProblemWording() {
    }

    static Worded of(ScriptProblem problem) {
        String text = problem.problem();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern.matcher(text);
            if (matcher.matches()) {
                List<String> args = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    args.add(matcher.group(group));
                }
                String key = rule.keyGroup > 0 ? matcher.group(rule.keyGroup) : switch (rule.code) {
                    // point at the line that needs the change, not at the step as a whole
                    case "unknown-type" -> "type";
                    case "unknown-next" -> "next";
                    case "unknown-start" -> "start";
                    case "unknown-topic" -> "learn";
                    case "context-value" -> "when";
                    case "context-set" -> "variable";
                    default -> firstQuotedKey(text);
                };
                return new Worded(rule.code, args, key);
            }
        }
        return new Worded("validation", List.of(text), firstQuotedKey(text));
    }

    private static String firstQuotedKey(String text) {
        Matcher matcher = QUOTED.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
