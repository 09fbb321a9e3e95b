package nl.spiegel.risk.internal;

import static nl.spiegel.shared.yaml.SafeYaml.list;
import static nl.spiegel.shared.yaml.SafeYaml.mapping;
import static nl.spiegel.shared.yaml.SafeYaml.required;
import static nl.spiegel.shared.yaml.SafeYaml.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.spiegel.risk.RiskLevel;
import nl.spiegel.risk.internal.LexiconSpec.IdiomSpec;
import nl.spiegel.risk.internal.LexiconSpec.RuleSpec;
import nl.spiegel.shared.yaml.SafeYaml;

/** Reads a lexicon YAML file into a {@link LexiconSpec}, failing loudly on anything a reviewer may have mistyped. */
public final class LexiconLoader {
    private static final Pattern RULE_ID = Pattern.compile("[a-z]{2}\\.(crisis|concern)\\.[a-z0-9-]+");
    private static final Pattern IDIOM_ID = Pattern.compile("[a-z]{2}\\.idiom\\.[a-z0-9-]+");
    private static final Set<String> FILE_KEYS = Set.of("version", "language", "spelling", "typos", "groups", "markers",
            "rules", "idioms");
    /** Marker kinds the engine understands; each is a list of patterns. */
    public static final Set<String> MARKERS = Set.of("hedge", "not-hedge", "past", "recent", "imminent", "context", "plan",
            "reassure");
    private static final Set<String> RULE_KEYS = Set.of("id", "level", "others", "others-imminent", "past", "recent",
            "with-means", "negation", "idioms", "suppresses", "patterns", "note");
    private static final Set<String> IDIOM_KEYS = Set.of("id", "to", "patterns", "note");

    private LexiconLoader() {
    }

    public static LexiconSpec loadResource(String resource) {
        InputStream in = LexiconLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon not on the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LexiconSpec load(String source, Reader reader) {
        // no implicit typing: a lexicon is words, and YAML 1.1 would read the English negator "no" as a boolean
        Map<String, Object> map = mapping(SafeYaml.loadAsText(reader), source);
        checkKeys(map, FILE_KEYS, source);
        int version = Integer.parseInt(text(required(map, "version", source), source + " version"));
        String language = text(required(map, "language", source), source + " language");
        Map<String, String[]> spelling = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : mapping(map.getOrDefault("spelling", Map.of()), source + " spelling").entrySet()) {
            String value = text(e.getValue(), source + " spelling " + e.getKey()).trim();
            spelling.put(Terms.fold(e.getKey()), Terms.normalise(value).split("\\s+"));
        }
        List<String> typos = new ArrayList<>();
        for (Object t : list(map.getOrDefault("typos", List.of()), source + " typos")) {
            typos.add(Terms.normalise(text(t, source + " typos")));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : mapping(map.getOrDefault("groups", Map.of()), source + " groups").entrySet()) {
            if (!e.getKey().matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException(source + ": group names are upper case: " + e.getKey());
            }
            List<String> words = new ArrayList<>();
            for (Object w : list(e.getValue(), source + " group " + e.getKey())) {
                words.add(text(w, source + " group " + e.getKey()));
            }
            groups.put(e.getKey(), words);
        }
        Map<String, List<String>> markers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : mapping(map.getOrDefault("markers", Map.of()), source + " markers").entrySet()) {
            if (!MARKERS.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": unknown marker " + e.getKey() + ", expected one of " + MARKERS);
            }
            List<String> patterns = new ArrayList<>();
            for (Object p : list(e.getValue(), source + " marker " + e.getKey())) {
                patterns.add(text(p, source + " marker " + e.getKey()));
            }
            markers.put(e.getKey(), patterns);
        }
        List<RuleSpec> rules = new ArrayList<>();
        for (Object o : list(required(map, "rules", source), source + " rules")) {
            rules.add(rule(mapping(o, source + " rule"), source, language));
        }
        List<IdiomSpec> idioms = new ArrayList<>();
        for (Object o : list(map.getOrDefault("idioms", List.of()), source + " idioms")) {
            Map<String, Object> m = mapping(o, source + " idiom");
            checkKeys(m, IDIOM_KEYS, source);
            String id = text(required(m, "id", source), source + " idiom id");
            checkId(id, IDIOM_ID, language, source);
            RiskLevel to = m.containsKey("to") ? level(m.get("to"), source + " " + id) : RiskLevel.NONE;
            idioms.add(new IdiomSpec(id, to, patterns(m, source + " " + id)));
        }
        return new LexiconSpec(source, version, language, spelling, typos, groups, markers, rules, idioms);
    }

    private static RuleSpec rule(Map<String, Object> m, String source, String language) {
        checkKeys(m, RULE_KEYS, source);
        String id = text(required(m, "id", source), source + " rule id");
        checkId(id, RULE_ID, language, source);
        String where = source + " " + id;
        RiskLevel level = level(required(m, "level", where), where);
        if (!id.contains("." + level.code() + ".")) {
            throw new IllegalArgumentException(where + ": the id must name its level " + level.code());
        }
        String negation = m.containsKey("negation") ? text(m.get("negation"), where) : "deny";
        if (!negation.equals("deny") && !negation.equals("ignore")) {
            throw new IllegalArgumentException(where + ": negation is deny or ignore");
        }
        String idioms = m.containsKey("idioms") ? text(m.get("idioms"), where) : "lower";
        if (!idioms.equals("lower") && !idioms.equals("ignore")) {
            throw new IllegalArgumentException(where + ": idioms is lower or ignore");
        }
        List<String> suppresses = new ArrayList<>();
        for (Object s : list(m.getOrDefault("suppresses", List.of()), where)) {
            suppresses.add(text(s, where));
        }
        return new RuleSpec(id, level, optionalLevel(m, "others", level, where),
                optionalLevel(m, "others-imminent", level, where), optionalLevel(m, "past", level, where),
                optionalLevel(m, "recent", level, where), optionalLevel(m, "with-means", level, where),
                negation.equals("deny"), idioms.equals("lower"), suppresses, patterns(m, where));
    }

    private static List<String> patterns(Map<String, Object> m, String where) {
        List<String> patterns = new ArrayList<>();
        for (Object p : list(required(m, "patterns", where), where + " patterns")) {
            patterns.add(text(p, where + " pattern"));
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException(where + ": no patterns");
        }
        return patterns;
    }

    private static RiskLevel optionalLevel(Map<String, Object> m, String key, RiskLevel own, String where) {
        if (!m.containsKey(key)) {
            return null;
        }
        String v = text(m.get(key), where + " " + key);
        return v.equals("keep") ? own : level(v, where + " " + key);
    }

    private static RiskLevel level(Object o, String where) {
        try {
            return RiskLevel.fromCode(text(o, where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown level " + o, e);
        }
    }

    private static void checkId(String id, Pattern shape, String language, String source) {
        if (!shape.matcher(id).matches() || !id.startsWith(language + ".")) {
            throw new IllegalArgumentException(source + ": bad id " + id + " (expected " + shape + ")");
        }
    }

    private static void checkKeys(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' in " + m.getOrDefault("id", "file"));
            }
        }
    }
}
