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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.DialogueProperties;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.dialogue.engine.ScriptProblem;
import nl.spiegel.organisation.OrganisationId;

/**
 * Every version of every dialogue script, loaded and validated at start-up. A broken script stops the application
 * with a message naming the file, the node and the problem. When published scripts are stored (see
 * {@link PublishedScripts}), the organisation-aware methods answer from there: the files are then only the seed.
 */
@Component
public class ScriptCatalog {

    private static final Logger log = LoggerFactory.getLogger(ScriptCatalog.class);

    private final Map<String, NavigableMap<Integer, Script>> scripts;
    private ObjectProvider<PublishedScripts> published;

    @Autowired
    public ScriptCatalog(DialogueProperties properties, ObjectProvider<PublishedScripts> published) {
        this(properties.shippedLocations().stream().flatMap(location -> load(location).stream()).toList());
        this.published = published;
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

    /** Every version of every shipped script, as read from the files. */
    public List<Script> all() {
        return scripts.values().stream().flatMap(versions -> versions.values().stream()).toList();
    }

    /** The newest version of every dialogue the people of this organisation may start, in start-page order. */
    public List<Script> latest(OrganisationId organisation) {
        PublishedScripts store = store();
        if (store == null) {
            return latest();
        }
        return store.latest(organisation).stream()
                .sorted(Comparator.comparingInt(Script::order).thenComparing(Script::id))
                .toList();
    }

    public Optional<Script> latest(OrganisationId organisation, String id) {
        PublishedScripts store = store();
        return store == null ? latest(id) : store.latest(organisation, id);
    }

    /** The exact version a session of this organisation started with; shipped files answer what the store lacks. */
    public Optional<Script> version(OrganisationId organisation, String id, int version) {
        PublishedScripts store = store();
        Optional<Script> stored = store == null ? Optional.empty() : store.version(organisation, id, version);
        return stored.isPresent() ? stored : version(id, version);
    }

    private PublishedScripts store() {
        return published == null ? null : published.getIfAvailable();
    }

    /** The newest version of every shipped dialogue, in start-page order. */
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
