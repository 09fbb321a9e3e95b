package nl.spiegel.dialogue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.spiegel.dialogue.content.ScriptCatalog;
import nl.spiegel.dialogue.engine.Node;
import nl.spiegel.dialogue.engine.Script;

/**
 * The questionnaires Spiegel ships as dialogue scripts ({@code questionnaires/phq9-v1.yaml}, ...), read from the same
 * files the chat runs, so the questionnaire pages and their scoring share one definition with the chat.
 */
public final class ShippedQuestionnaires {

    private static final Map<String, Node.Questionnaire> DEFINITIONS = new ConcurrentHashMap<>();

    private ShippedQuestionnaires() {
    }

    /**
     * The questionnaire node of the newest version of a shipped script; the script and its node share the id.
     *
     * @throws IllegalStateException when the script or its questionnaire is missing
     */
    public static Node.Questionnaire definition(String scriptId) {
        return DEFINITIONS.computeIfAbsent(scriptId, id -> {
            Script script = new ScriptCatalog(ScriptCatalog.load("classpath*:questionnaires/" + id + "-v*.yaml"))
                    .latest(id).orElseThrow(() -> new IllegalStateException("no shipped script '" + id + "'"));
            if (script.node(id).orElse(null) instanceof Node.Questionnaire questionnaire) {
                return questionnaire;
            }
            throw new IllegalStateException("script '" + id + "' has no questionnaire node '" + id + "'");
        });
    }
}
