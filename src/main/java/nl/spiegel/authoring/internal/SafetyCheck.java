package nl.spiegel.authoring.internal;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.spiegel.authoring.ScriptIssue;
import nl.spiegel.dialogue.engine.LocalizedText;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.risk.RiskAssessment;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.risk.RiskLevel;

/**
 * The checks a script must pass before it is published, on top of the format validation:
 * <ul>
 *   <li>no key may touch the safety net: risk scanning of free-text answers, the help button and the crisis exit are
 *       always there (the chat always scans and always shows them), and a script that looks like it tries to change
 *       that is refused rather than silently ignored;</li>
 *   <li>every step leads on to an end, so no step can strand a person;</li>
 *   <li>both languages say the same: the same {placeholders} in Dutch and English;</li>
 *   <li>no text of the script itself raises the risk detector (a bot line quoting a crisis phrase would confuse the
 *       person and the reviewers).</li>
 * </ul>
 * That placeholders only use variables set on every path is the validator's data-flow check, which runs first.
 */
final class SafetyCheck {

    /** Keys that could suggest switching the safety net off; no script may carry them, at any depth. */
    static final Pattern SAFETY_KEY = Pattern.compile("(?i).*(risk|scan|safety|help|crisis|exit|escalat|screen).*");
    /**
     * Keys of the script format itself that match {@link #SAFETY_KEY} but switch nothing off: {@code riskAtLeast}
     * only picks a gentler acknowledgement after an answer that was read as risky, and a questionnaire's
     * {@code safety} rules start the risk flow; both add care, so authors may use them.
     */
    static final Set<String> FORMAT_KEYS = Set.of("riskAtLeast", "safety");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_-]*}");

    private final RiskDetector detector;
    private final Set<String> reviewed;

    /**
     * @param reviewed texts of the shipped scripts, reviewed with clinicians before they ship (a step that names the
     *                 crisis line, say): they may be reused word for word without the risk check refusing them
     */
    SafetyCheck(RiskDetector detector, Set<String> reviewed) {
        this.detector = detector;
        this.reviewed = Set.copyOf(reviewed);
    }

    /** Keys in the raw text; runs even when the script does not parse, so the author sees it at once. */
    List<ScriptIssue> keys(org.yaml.snakeyaml.nodes.Node root) {
        List<ScriptIssue> issues = new ArrayList<>();
        YamlLocator.everyKey(root, (key, at) -> {
            if (SAFETY_KEY.matcher(key).matches() && !FORMAT_KEYS.contains(key)) {
                issues.add(new ScriptIssue(at.line(), at.column(), null, "safety-key", List.of(key), true));
            }
        });
        return issues;
    }

    List<ScriptIssue> check(Script script, YamlLocator where) {
        List<ScriptIssue> issues = new ArrayList<>();
        wayOut(script, where, issues);
        texts(null, script.title(), "title", where, issues);
        texts(null, script.description(), "description", where, issues);
        for (Node node : script.nodes().values()) {
            eachText(node, null, (key, text) -> texts(node.id(), text, key, where, issues));
        }
        return issues;
    }

    /** Every step must lead on to an end: the engine has no other way to finish a dialogue. */
    private static void wayOut(Script script, YamlLocator where, List<ScriptIssue> issues) {
        Map<String, List<String>> before = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (Node node : script.nodes().values()) {
            if (node instanceof Node.End) {
                todo.add(node.id());
            }
            for (String target : node.targets()) {
                before.computeIfAbsent(target, id -> new ArrayList<>()).add(node.id());
            }
        }
        Set<String> leadsToEnd = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (String previous : before.getOrDefault(todo.pop(), List.of())) {
                if (leadsToEnd.add(previous)) {
                    todo.add(previous);
                }
            }
        }
        for (String id : script.nodes().keySet()) {
            if (!leadsToEnd.contains(id)) {
                YamlLocator.Location at = where.find(id, null);
                issues.add(new ScriptIssue(at.line(), at.column(), id, "no-way-out", List.of(id), true));
            }
        }
    }

    /** Every text of a script: its title, description and every text of every step. */
    static List<LocalizedText> texts(Script script) {
        List<LocalizedText> all = new ArrayList<>(List.of(script.title(), script.description()));
        script.nodes().values().forEach(node -> eachText(node, null, (key, text) -> all.add(text)));
        return all;
    }

    /** Walks a step's record components, so new kinds of steps are checked without changes here. */
    private static void eachText(Object value, String key, java.util.function.BiConsumer<String, LocalizedText> visit) {
        switch (value) {
            case LocalizedText text -> visit.accept(key, text);
            case List<?> list -> list.forEach(item -> eachText(item, key, visit));
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        Object child = component.getAccessor().invoke(record);
                        eachText(child, key == null ? component.getName() : key, visit);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component, e);
                    }
                }
            }
            case null, default -> {
            }
        }
    }

    private void texts(String nodeId, LocalizedText text, String key, YamlLocator where, List<ScriptIssue> issues) {
        if (text == null || text.values().isEmpty()) {
            return;
        }
        YamlLocator.Location at = where.find(nodeId, key);
        Set<String> dutch = placeholders(text.values().get("nl"));
        Set<String> english = placeholders(text.values().get("en"));
        if (text.values().containsKey("nl") && text.values().containsKey("en") && !dutch.equals(english)) {
            issues.add(new ScriptIssue(at.line(), at.column(), nodeId, "placeholders-differ",
                    List.of(String.valueOf(key)), true));
        }
        for (String language : LocalizedText.LANGUAGES) {
            String value = text.values().get(language);
            if (value == null || value.isBlank() || reviewed.contains(value)) {
                continue;
            }
            // a placeholder becomes a neutral word, so only what the author wrote is judged
            RiskAssessment risk = detector.assess(PLACEHOLDER.matcher(value).replaceAll("iets"), language);
            if (risk.isAtLeast(RiskLevel.CONCERN)) {
                issues.add(new ScriptIssue(at.line(), at.column(), nodeId, "text-raises-risk",
                        List.of(String.valueOf(key), language, risk.level().name()), true));
            }
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> names = new HashSet<>();
        if (value != null) {
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
