package nl.spiegel.dialogue.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a dialogue script. Immutable; a running session keeps the version it started with.
 *
 * @param source where the script came from (file name), used in error messages
 */
public record Script(String id, int version, int order, int minutes, LocalizedText title, LocalizedText description,
                     String start, Map<String, Node> nodes, String source) {

    public Script {
        Objects.requireNonNull(id);
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public Node require(String nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalStateException("Script " + id + " v" + version + " has no node '" + nodeId + "'");
        }
        return node;
    }
}
