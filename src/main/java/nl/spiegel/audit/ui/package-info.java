/**
 * The screens of the audit trail: the access log an organisation's admin reads.
 * <p>
 * A nested application module: it may use its own module (also its internals) and the public APIs listed here;
 * nothing but Vaadin's router uses these screens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit UI",
        allowedDependencies = {"audit", "identity", "shared", "shared :: *"})
package nl.spiegel.audit.ui;
