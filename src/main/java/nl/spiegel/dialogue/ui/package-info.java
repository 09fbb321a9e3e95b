/**
 * The chat and its pages: start, the conversation (with the safety panel of {@code escalation :: ui} and
 * the mood check-in whose answers {@code progress} stores), my dialogues, my exercises.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialogue UI",
        allowedDependencies = {"dialogue", "dialogue :: engine", "escalation", "escalation :: ui", "identity",
                "learn", "organisation", "progress", "risk", "shared", "shared :: *"})
package nl.spiegel.dialogue.ui;
