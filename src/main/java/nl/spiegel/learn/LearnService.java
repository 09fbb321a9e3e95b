package nl.spiegel.learn;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import nl.spiegel.shared.yaml.SafeYaml;

/** The psycho-education texts from {@code learn/learn.yaml}, checked for both languages at start-up. */
@Service
public class LearnService {

    static final List<String> LANGUAGES = List.of("nl", "en");
    private final List<Topic> topics;

    public LearnService() {
        this(load("learn/learn.yaml"));
    }

    LearnService(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    public List<Topic> topics() {
        return topics;
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(topic -> topic.id().equals(id)).findFirst();
    }

    static List<Topic> load(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            Map<String, Object> root = SafeYaml.mapping(SafeYaml.load(reader), resource);
            List<Topic> topics = new ArrayList<>();
            for (Object raw : SafeYaml.list(SafeYaml.required(root, "topics", resource), resource + " topics")) {
                Map<String, Object> entry = SafeYaml.mapping(raw, resource + " topic");
                String id = String.valueOf(SafeYaml.required(entry, "id", resource + " topic"));
                topics.add(new Topic(id, texts(resource, id, entry, "title"), texts(resource, id, entry, "summary"),
                        texts(resource, id, entry, "body")));
            }
            return topics;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static Map<String, String> texts(String resource, String id, Map<String, Object> entry, String key) {
        if (!(entry.get(key) instanceof Map<?, ?> raw)) {
            throw new IllegalStateException(resource + ", topic '" + id + "': '" + key + "' must have nl and en");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Object value = raw.get(language);
            if (value == null || String.valueOf(value).isBlank()) {
                throw new IllegalStateException(resource + ", topic '" + id + "': '" + key + "' has no '"
                        + language + "' text");
            }
            texts.put(language, String.valueOf(value).strip());
        }
        return texts;
    }
}
