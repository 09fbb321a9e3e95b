/**
 * The psycho-education pages.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Learn UI",
        allowedDependencies = {"learn", "shared", "shared :: *"})
package nl.spiegel.learn.ui;
