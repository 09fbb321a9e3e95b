/**
 * Login, second factor, registration, password and account screens.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity UI",
        allowedDependencies = {"identity", "organisation", "shared", "shared :: *"})
package nl.spiegel.identity.ui;
