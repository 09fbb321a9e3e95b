package nl.spiegel.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.spiegel.identity.Visitor;

/**
 * Implemented by a module that lets a therapist give a person something to do (the review module), so the start
 * page can show it without depending on that module.
 */
public interface AssignedWorkSource {

    /** What the person was asked to do, open work first; empty when there is nothing. */
    List<AssignedWork> assignedTo(Visitor person, Locale locale);

    /** The person says they did it; refused when it is not theirs. */
    void markDone(Visitor person, String id);

    /**
     * @param scriptId the dialogue to start, or null for an exercise
     * @param path     where the exercise is explained, or null for a dialogue
     * @param due      the date it is meant to be done by, or null
     */
    record AssignedWork(String id, String title, String from, LocalDate due, boolean done, String scriptId,
                        String path) {
    }
}
