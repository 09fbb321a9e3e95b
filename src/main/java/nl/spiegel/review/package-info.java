/**
 * Dialogues a person chose to share with a therapist: shares, the inbox and transcript, feedback, notes, assignments and the expert directory.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "dialogue", "escalation", "identity", "learn", "organisation", "privacy", "risk", "shared", "shared :: *"})
package nl.spiegel.review;
