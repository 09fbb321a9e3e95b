/**
 * Progress over time: the PHQ-9 and GAD-7 questionnaires ({@code scoring/}, over the questionnaire nodes of their
 * shipped scripts, and Jacobson-Truax reliable change), the moods of the chat's check-in ({@link
 * nl.spiegel.progress.MoodService}), a person's results and moods
 * stored encrypted ({@code internal/}), and the questionnaire, "My progress", printable and therapist pages
 * ({@code ui/}). A therapist reads a person's results only through a share of the review module, audited
 * ({@link nl.spiegel.progress.SharedProgressService}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "dialogue", "dialogue :: engine", "identity", "organisation", "privacy", "review",
                "shared", "shared :: *"})
package nl.spiegel.progress;
