package nl.spiegel.review;

import java.util.List;
import java.util.Map;

import nl.spiegel.dialogue.SharedTranscript;
import nl.spiegel.escalation.Screening;

/**
 * What a therapist sees of a shared dialogue: the transcript, the feedback they gave, their private notes, where the
 * risk signals sit in the person's messages (by message seq) and the follow-up questions' answers, if Spiegel asked
 * them in this dialogue.
 *
 * @param screening the latest screening in the dialogue, or null when there was none
 */
public record SharedReading(Share share, String person, SharedTranscript transcript, List<Comment> feedback,
                            List<Comment> notes, Map<Integer, List<RiskSpan>> riskSpans, Screening screening) {

    public SharedReading {
        feedback = List.copyOf(feedback);
        notes = List.copyOf(notes);
        riskSpans = Map.copyOf(riskSpans);
    }
}
