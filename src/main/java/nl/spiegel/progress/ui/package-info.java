/**
 * Questionnaires (with the safety panel of {@code escalation :: ui}), my progress, the printable page and
 * the therapist's view of a shared person's progress.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress UI",
        allowedDependencies = {"dialogue", "dialogue :: engine", "escalation", "escalation :: ui", "identity",
                "progress", "progress :: scoring", "review", "risk", "shared", "shared :: *"})
package nl.spiegel.progress.ui;
