/**
 * Sharing a dialogue, the therapist's inbox, transcript, notes and profile, the expert directory.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review UI",
        allowedDependencies = {"dialogue", "escalation", "identity", "review", "risk", "shared", "shared :: *"})
package nl.spiegel.review.ui;
