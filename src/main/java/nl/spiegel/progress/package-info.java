/**
 * Progress over time: the PHQ-9 and GAD-7 questionnaires ({@code scoring/}, pure Java), the mood check-in of the
 * chat, a person's results and moods stored encrypted ({@code internal/}), and the questionnaire and "My progress"
 * pages ({@code ui/}). Only the person themselves reads their results; no staff view exists yet.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"dialogue", "dialogue :: engine", "identity", "organisation", "privacy", "risk", "shared", "shared :: *"})
package nl.spiegel.progress;
