/**
 * The organisation administration screen and the embed page.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal UI",
        allowedDependencies = {"dialogue", "identity", "organisation", "portal", "shared",
                "shared :: *"})
package nl.spiegel.portal.ui;
