package nl.spiegel.progress;

import java.util.List;

/** A person's questionnaire results and moods as a therapist they shared with sees them, oldest first. */
public record SharedProgress(List<QuestionnaireResult> results, List<Mood> moods) {

    public SharedProgress {
        results = List.copyOf(results);
        moods = List.copyOf(moods);
    }
}
