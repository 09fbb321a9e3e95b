package nl.spiegel.authoring.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where things are in a script's text: the line and column of every step (by its id) and of every key, from
 * SnakeYAML's node tree. Lines and columns are 1-based, as an editor shows them.
 */
final class YamlLocator {

    record Location(int line, int column) {
        static final Location START = new Location(1, 1);

        static Location of(Mark mark) {
            return mark == null ? START : new Location(mark.getLine() + 1, mark.getColumn() + 1);
        }
    }

    private final Map<String, Location> rootKeys = new HashMap<>();
    private final Map<String, Location> steps = new HashMap<>();
    private final Map<String, Map<String, Location>> stepKeys = new HashMap<>();

    YamlLocator(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key == null) {
                continue;
            }
            rootKeys.putIfAbsent(key, Location.of(tuple.getKeyNode().getStartMark()));
            if (key.equals("nodes") && tuple.getValueNode() instanceof SequenceNode list) {
                list.getValue().forEach(this::step);
            }
        }
    }

    private void step(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        String id = null;
        Map<String, Location> keys = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (key != null) {
                keys.putIfAbsent(key, Location.of(tuple.getKeyNode().getStartMark()));
                if (key.equals("id")) {
                    id = scalar(tuple.getValueNode());
                }
            }
        }
        if (id != null && !steps.containsKey(id)) {
            steps.put(id, Location.of(mapping.getStartMark()));
            stepKeys.put(id, keys);
        }
    }

    /** The key inside the step when both are known, else the step, else the top-level key, else line 1. */
    Location find(String nodeId, String key) {
        if (nodeId != null && steps.containsKey(nodeId)) {
            Location atKey = key == null ? null : stepKeys.get(nodeId).get(key);
            return atKey != null ? atKey : steps.get(nodeId);
        }
        if (key != null && rootKeys.containsKey(key)) {
            return rootKeys.get(key);
        }
        return Location.START;
    }

    /** Visits every mapping key in the whole tree with its location, whatever its depth. */
    static void everyKey(Node node, BiConsumer<String, Location> visitor) {
        switch (node) {
            case MappingNode mapping -> mapping.getValue().forEach(tuple -> {
                String key = scalar(tuple.getKeyNode());
                if (key != null) {
                    visitor.accept(key, Location.of(tuple.getKeyNode().getStartMark()));
                }
                everyKey(tuple.getValueNode(), visitor);
            });
            case SequenceNode list -> list.getValue().forEach(child -> everyKey(child, visitor));
            case null, default -> {
            }
        }
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }
}
