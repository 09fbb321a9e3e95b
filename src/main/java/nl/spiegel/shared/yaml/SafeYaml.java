package nl.spiegel.shared.yaml;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one way Spiegel reads YAML: dialogue scripts (shipped, uploaded or typed in the editor), risk lexicons and the
 * psycho-education texts. SnakeYAML with its safe constructor (plain data: mappings, lists and scalars, never an
 * object of a named class) and limits against hostile or broken documents. Also the strict steps through a loaded
 * data file, for files whose mistakes are a developer's or reviewer's (a script author's get the dialogue module's own
 * wording, all problems at once).
 */
public final class SafeYaml {

    /** Aliases a document may use; a handful is plenty, thousands are an attack ("billion laughs"). */
    public static final int MAX_ALIASES = 20;
    /** How deep mappings and lists may nest; a script needs about six levels, a lexicon three. */
    public static final int MAX_NESTING = 20;
    /** Characters the reader accepts at most (1 MiB); uploads are limited far below that before parsing. */
    public static final int MAX_CODE_POINTS = 1024 * 1024;

    private SafeYaml() {
    }

    /** The reader's limits; a key given twice in one mapping is refused rather than silently overwritten. */
    public static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * The document as maps, lists, strings, numbers and booleans (YAML 1.1 typing: {@code 3} is a number).
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when it is no YAML or breaks a limit
     */
    public static Object load(Reader reader) {
        return new Yaml(new SafeConstructor(options())).load(reader);
    }

    /**
     * The document with every scalar as text: YAML 1.1 would read the English negator "no" (and "on", "off", "y")
     * as a boolean, which a list of words must not.
     */
    public static Object loadAsText(Reader reader) {
        LoaderOptions options = options();
        Resolver plainStrings = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
            }
        };
        DumperOptions unused = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options, plainStrings)
                .load(reader);
    }

    /** The node tree, which knows the line and column of every node, for pointing at a place in a document. */
    public static Node compose(Reader reader) {
        return new Yaml(new SafeConstructor(options())).compose(reader);
    }

    /** A mapping, with its keys as text; otherwise throws naming where. */
    public static Map<String, Object> mapping(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, entry) -> out.put(String.valueOf(key), entry));
        return out;
    }

    /** A list; otherwise throws naming where. */
    public static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list");
        }
        return list;
    }

    /** A text; otherwise throws naming where. */
    public static String text(Object value, String where) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(where + ": expected text, got " + value);
    }

    /** The value of a key that must be there; otherwise throws naming where. */
    public static Object required(Map<String, Object> mapping, String key, String where) {
        Object value = mapping.get(key);
        if (value == null) {
            throw new IllegalArgumentException(where + ": missing '" + key + "'");
        }
        return value;
    }
}
