package nl.spiegel.review;

import java.util.List;

import nl.spiegel.dialogue.SharedTranscript;

/** What a therapist sees of a shared dialogue: the transcript, the feedback they gave, their private notes. */
public record SharedReading(Share share, String person, SharedTranscript transcript, List<Comment> feedback,
                            List<Comment> notes) {

    public SharedReading {
        feedback = List.copyOf(feedback);
        notes = List.copyOf(notes);
    }
}
