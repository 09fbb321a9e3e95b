package nl.spiegel.dialogue.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.DialogueProperties;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.ScriptProblem;

/**
 * Every version of every dialogue script, loaded and validated at start-up. A broken script stops the application
 * with a message naming the file, the node and the problem.
 */
@Component
public class ScriptCatalog {

    private static final Logger log = LoggerFactory.getLogger(ScriptCatalog.class);

    private final Map<String, NavigableMap<Integer, Script>> scripts;

    @Autowired
    public ScriptCatalog(DialogueProperties properties) {
        this(java.util.stream.Stream.concat(load(properties.scripts()).stream(),
                load(properties.questionnaires()).stream()).toList());
    }

    public ScriptCatalog(List<Script> all) {
        Map<String, NavigableMap<Integer, Script>> byId = new HashMap<>();
        for (Script script : all) {
            Script clash = byId.computeIfAbsent(script.id(), id -> new TreeMap<>()).putIfAbsent(script.version(), script);
            if (clash != null) {
                throw new ScriptFormatException(List.of(new ScriptProblem(script.source(), null, "script '"
                        + script.id() + "' version " + script.version() + " also comes from " + clash.source())));
            }
        }
        this.scripts = byId;
    }

    /** Loads and validates every script matching the pattern; collects the problems of all files before failing. */
    public static List<Script> load(String locationPattern) {
        ScriptParser parser = new ScriptParser();
        List<Script> loaded = new ArrayList<>();
        List<ScriptProblem> problems = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(locationPattern);
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    loaded.add(parser.parse(resource.getFilename(), in));
                } catch (ScriptFormatException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read dialogue scripts from " + locationPattern, e);
        }
        if (!problems.isEmpty()) {
            throw new ScriptFormatException(problems);
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("No dialogue scripts found at " + locationPattern);
        }
        log.info("Loaded {} dialogue script versions from {}", loaded.size(), locationPattern);
        return loaded;
    }

    /** The newest version of every dialogue, in start-page order. */
    public List<Script> latest() {
        return scripts.values().stream()
                .map(NavigableMap::lastEntry)
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingInt(Script::order).thenComparing(Script::id))
                .toList();
    }

    public Optional<Script> latest(String id) {
        return Optional.ofNullable(scripts.get(id)).map(versions -> versions.lastEntry().getValue());
    }

    /** The exact version a session started with. */
    public Optional<Script> version(String id, int version) {
        return Optional.ofNullable(scripts.get(id)).map(versions -> versions.get(version));
    }
}
