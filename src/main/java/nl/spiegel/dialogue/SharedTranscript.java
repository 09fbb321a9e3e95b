package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole dialogue as plain text in one language, for showing it outside the chat: to the person before they share
 * it, and to a therapist they shared it with. Holds every message and the risk rule ids the detector stored with the
 * person's messages (by message seq), so a reader can name the kind of risk in words.
 */
public record SharedTranscript(SessionId id, String title, List<Line> lines, boolean finished, Instant startedAt,
                               Map<Integer, List<String>> risksBySeq) {

    public SharedTranscript {
        lines = List.copyOf(lines);
        risksBySeq = Map.copyOf(risksBySeq);
    }

    /**
     * One message.
     *
     * @param kind       the kind of message in lower case: bot, reflection, exercise, closing, summary, user_text,
     *                   user_choice
     * @param fromPerson whether the person wrote or chose it
     * @param title      the title of an exercise or summary item, or null
     */
    public record Line(int seq, String kind, boolean fromPerson, String title, String text, Instant at) {
    }
}
