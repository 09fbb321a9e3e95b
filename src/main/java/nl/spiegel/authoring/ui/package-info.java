/**
 * The authoring screens: drafts, preview, history, diff and the usage analytics.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Authoring UI",
        allowedDependencies = {"authoring", "dialogue", "dialogue :: engine", "identity", "organisation", "shared",
                "shared :: *"})
package nl.spiegel.authoring.ui;
