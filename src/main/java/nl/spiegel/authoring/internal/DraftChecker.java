package nl.spiegel.authoring.internal;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import nl.spiegel.authoring.AuthoringProperties;
import nl.spiegel.authoring.DraftCheck;
import nl.spiegel.authoring.ScriptIssue;
import nl.spiegel.authoring.UploadedScript;
import nl.spiegel.dialogue.content.ScriptFormatException;
import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.content.ScriptParser;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.ScriptProblem;
import nl.spiegel.risk.RiskDetector;
import nl.spiegel.shared.yaml.SafeYaml;

/**
 * Checks a draft the way publishing does: size, YAML (with SnakeYAML's limits on aliases, nesting and length),
 * the script format and validation of the dialogue module, then the {@link SafetyCheck}. Every problem gets a line
 * and a column.
 */
@Component
public class DraftChecker {

    static final String SOURCE = "draft";

    private final AuthoringProperties properties;
    private final SafetyCheck safety;

    @org.springframework.beans.factory.annotation.Autowired
    DraftChecker(AuthoringProperties properties, RiskDetector detector, ScriptCatalog shipped) {
        this(properties, detector, reviewedTexts(shipped.all()));
    }

    DraftChecker(AuthoringProperties properties, RiskDetector detector, Set<String> reviewed) {
        this.properties = properties;
        this.safety = new SafetyCheck(detector, reviewed);
    }

    /** Every text of the shipped scripts, in every language. */
    static Set<String> reviewedTexts(List<Script> shipped) {
        Set<String> texts = new HashSet<>();
        for (Script script : shipped) {
            SafetyCheck.texts(script).forEach(text -> texts.addAll(text.values().values()));
        }
        return texts;
    }

    /**
     * The text of an uploaded file, or why it cannot be used as it is: larger than allowed (by the size the upload
     * announced or by what arrived) or not UTF-8 text (the line and column of the first byte that is not). Decoding
     * strictly, because replacing broken bytes with a placeholder would change a person's text silently.
     */
    public UploadedScript read(byte[] bytes, long size) {
        long limit = properties.maxScriptSize().toBytes();
        long actual = Math.max(size, bytes.length);
        if (actual > limit) {
            return new UploadedScript(Optional.empty(), Optional.of(issue("too-big",
                    List.of(String.valueOf(kilobytes(actual)), String.valueOf(kilobytes(limit))))));
        }
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            return new UploadedScript(Optional.empty(),
                    Optional.of(new ScriptIssue(line, column, null, "not-utf8", List.of(), false)));
        }
        decoder.flush(out);
        return new UploadedScript(Optional.of(out.flip().toString()), Optional.empty());
    }

    public DraftCheck check(String text) {
        if (text == null || text.isBlank()) {
            return refused(issue("empty", List.of()));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long limit = properties.maxScriptSize().toBytes();
        if (bytes.length > limit) {
            return refused(issue("too-big", List.of(String.valueOf(kilobytes(bytes.length)),
                    String.valueOf(kilobytes(limit)))));
        }
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = SafeYaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            YamlLocator.Location at = YamlLocator.Location.of(e.getProblemMark());
            return refused(new ScriptIssue(at.line(), at.column(), null, yamlCode(e), List.of(plain(e)), false));
        } catch (YAMLException e) {
            return refused(issue(yamlCode(e), List.of(plain(e))));
        }
        if (root == null) {
            return refused(issue("empty", List.of()));
        }
        YamlLocator where = new YamlLocator(root);
        List<ScriptIssue> issues = new ArrayList<>(safety.keys(root));
        Script script = null;
        try {
            script = new ScriptParser().parse(SOURCE, new ByteArrayInputStream(bytes));
        } catch (ScriptFormatException e) {
            for (ScriptProblem problem : e.problems()) {
                ProblemWording.Worded worded = ProblemWording.of(problem);
                YamlLocator.Location at = where.find(problem.nodeId(), worded.key());
                issues.add(new ScriptIssue(at.line(), at.column(), problem.nodeId(), worded.code(), worded.args(),
                        false));
            }
        }
        if (script != null) {
            issues.addAll(safety.check(script, where));
        }
        issues.sort(Comparator.comparingInt(ScriptIssue::line).thenComparingInt(ScriptIssue::column));
        return new DraftCheck(issues, issues.isEmpty() ? Optional.ofNullable(script) : Optional.empty());
    }

    private static DraftCheck refused(ScriptIssue issue) {
        return new DraftCheck(List.of(issue), Optional.empty());
    }

    private static ScriptIssue issue(String code, List<String> args) {
        return new ScriptIssue(1, 1, null, code, args, false);
    }

    private static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }

    /** The YAML reader's limits are attacks or accidents worth naming apart from a plain typo. */
    private static String yamlCode(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("aliases")) {
            return "too-many-aliases";
        }
        if (message.contains("Nesting Depth")) {
            return "too-deep";
        }
        if (message.contains("code points")) {
            return "too-big-to-read";
        }
        return "not-yaml";
    }

    private static String plain(YAMLException e) {
        String problem = e instanceof MarkedYAMLException marked && marked.getProblem() != null
                ? marked.getProblem() : String.valueOf(e.getMessage());
        int newline = problem.indexOf('\n');
        return newline < 0 ? problem : problem.substring(0, newline);
    }
}
