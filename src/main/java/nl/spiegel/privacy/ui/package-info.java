/**
 * The privacy page and a person's data: export and deletion.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy UI",
        allowedDependencies = {"audit", "identity", "privacy", "shared", "shared :: *"})
package nl.spiegel.privacy.ui;
