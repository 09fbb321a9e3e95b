package nl.spiegel.dialogue.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Graph facts about a script: reachability, loops and how many replies can still follow a node. */
final class ScriptGraph {

    private final Script script;
    private final Map<String, Integer> maxReplies = new HashMap<>();

    private ScriptGraph(Script script) {
        this.script = script;
    }

    static ScriptGraph of(Script script) {
        return new ScriptGraph(script);
    }

    /** Nodes reachable from the start, following only targets that exist. */
    Set<String> reachable() {
        return reachableFrom(script.start());
    }

    /** Nodes reachable from a node (itself included) going forward, following only targets that exist. */
    Set<String> reachableFrom(String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (script.nodes().containsKey(from)) {
            todo.push(from);
        }
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                for (String target : script.require(id).targets()) {
                    if (script.nodes().containsKey(target)) {
                        todo.push(target);
                    }
                }
            }
        }
        return seen;
    }

    /** An edge that closes a loop, as [from, to], if there is one among reachable nodes. */
    Optional<List<String>> findLoop() {
        Map<String, Integer> colour = new HashMap<>();
        for (String id : reachable()) {
            Optional<List<String>> loop = visit(id, colour);
            if (loop.isPresent()) {
                return loop;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String id, Map<String, Integer> colour) {
        Integer state = colour.get(id);
        if (state != null) {
            return Optional.empty();
        }
        colour.put(id, 1);
        for (String target : script.require(id).targets()) {
            if (!script.nodes().containsKey(target)) {
                continue;
            }
            if (Integer.valueOf(1).equals(colour.get(target))) {
                return Optional.of(List.of(id, target));
            }
            Optional<List<String>> deeper = visit(target, colour);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        colour.put(id, 2);
        return Optional.empty();
    }

    /** Reachable nodes in an order where every node comes after all nodes that lead to it. Needs a loop-free graph. */
    List<String> topologicalOrder() {
        Set<String> reachable = reachable();
        Map<String, Integer> incoming = new HashMap<>();
        reachable.forEach(id -> incoming.put(id, 0));
        for (String id : reachable) {
            for (String target : script.require(id).targets()) {
                incoming.computeIfPresent(target, (key, count) -> count + 1);
            }
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        reachable.stream().filter(id -> incoming.get(id) == 0).forEach(ready::add);
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            if (!done.add(id)) {
                continue;
            }
            order.add(id);
            for (String target : script.require(id).targets()) {
                if (incoming.containsKey(target) && incoming.merge(target, -1, Integer::sum) == 0) {
                    ready.add(target);
                }
            }
        }
        return order;
    }

    /** The largest number of replies a person can still be asked from this node on, the node itself included. */
    int maxRepliesFrom(String nodeId) {
        Integer known = maxReplies.get(nodeId);
        if (known != null) {
            return known;
        }
        Node node = script.require(nodeId);
        int own = (node instanceof Node.Question || node instanceof Node.Choice || node instanceof Node.Questionnaire)
                ? 1 : 0;
        int best = 0;
        for (String target : node.targets()) {
            if (script.nodes().containsKey(target)) {
                best = Math.max(best, maxRepliesFrom(target));
            }
        }
        maxReplies.put(nodeId, own + best);
        return own + best;
    }
}
