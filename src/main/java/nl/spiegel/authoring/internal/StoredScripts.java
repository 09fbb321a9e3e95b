package nl.spiegel.authoring.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import nl.spiegel.dialogue.DialogueProperties;
import nl.spiegel.dialogue.content.PublishedScripts;
import nl.spiegel.dialogue.content.ScriptParser;
import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.organisation.OrganisationId;

/**
 * The published scripts, read from the database so every app node offers the same content. A version never
 * changes once published, so parsed versions are kept in memory; which version is the newest is asked of the
 * database each time (one small query), so a publish on another node is seen at once.
 *
 * <p>At start-up the shipped script files are seeded as the default organisation's catalogue, which every
 * organisation's people are offered besides their organisation's own scripts.
 */
@Component
public class StoredScripts implements PublishedScripts, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StoredScripts.class);

    private record Key(OrganisationId organisation, String id, int version) {
    }

    private final ScriptRepository repository;
    private final DialogueProperties files;
    private final Clock clock;
    private final Map<Key, Script> parsed = new ConcurrentHashMap<>();

    StoredScripts(ScriptRepository repository, DialogueProperties files, Clock clock) {
        this.repository = repository;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedShippedScripts();
    }

    /** Seeds every shipped file as a version of the default organisation's catalogue; refreshes changed ones. */
    void seedShippedScripts() {
        ScriptParser parser = new ScriptParser();
        int changed = 0;
        try {
            // the questionnaires (PHQ-9, GAD-7) are scripts too and run in the chat like the dialogues
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Resource> shipped = new java.util.ArrayList<>();
            for (String location : files.shippedLocations()) {
                shipped.addAll(List.of(resolver.getResources(location)));
            }
            for (Resource resource : shipped) {
                String text;
                try (InputStream in = resource.getInputStream()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                // the dialogue module already refused to start on a broken file; this parse only reads id and version
                Script script = parser.parse(resource.getFilename(), new ByteArrayInputStream(
                        text.getBytes(StandardCharsets.UTF_8)));
                if (repository.seed(new ScriptRepository.Row(OrganisationId.DEFAULT, script.id(), script.version(),
                        text, "SHIPPED", null, clock.instant()))) {
                    parsed.remove(new Key(OrganisationId.DEFAULT, script.id(), script.version()));
                    changed++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read dialogue scripts from " + files.shippedLocations(), e);
        }
        log.info("{} shipped dialogue script versions seeded or refreshed", changed);
    }

    @Override
    public List<Script> latest(OrganisationId organisation) {
        // an organisation's own script never shares an id with the shared catalogue (publishing refuses that)
        Map<String, Script> byId = new LinkedHashMap<>();
        for (ScriptRepository.Newest newest : repository.newest(visibleTo(organisation))) {
            load(new Key(newest.organisation(), newest.scriptId(), newest.version()))
                    .ifPresent(script -> byId.put(script.id(), script));
        }
        return new ArrayList<>(byId.values());
    }

    @Override
    public Optional<Script> latest(OrganisationId organisation, String id) {
        return repository.newest(visibleTo(organisation)).stream()
                .filter(newest -> newest.scriptId().equals(id))
                .findFirst()
                .flatMap(newest -> load(new Key(newest.organisation(), id, newest.version())));
    }

    @Override
    public Optional<Script> version(OrganisationId organisation, String id, int version) {
        for (OrganisationId owner : visibleTo(organisation)) {
            Optional<Script> script = load(new Key(owner, id, version));
            if (script.isPresent()) {
                return script;
            }
        }
        return Optional.empty();
    }

    /** A published version of one organisation's script, for the history and the preview. */
    Optional<Script> exact(OrganisationId organisation, String id, int version) {
        return load(new Key(organisation, id, version));
    }

    private Optional<Script> load(Key key) {
        Script cached = parsed.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return repository.find(key.organisation(), key.id(), key.version()).map(row -> {
            Script script = new ScriptParser().parse(row.scriptId() + " v" + row.version(),
                    new ByteArrayInputStream(row.source().getBytes(StandardCharsets.UTF_8)));
            parsed.put(key, script);
            return script;
        });
    }

    private static List<OrganisationId> visibleTo(OrganisationId organisation) {
        return organisation == null || organisation.equals(OrganisationId.DEFAULT)
                ? List.of(OrganisationId.DEFAULT)
                : List.of(organisation, OrganisationId.DEFAULT);
    }
}
