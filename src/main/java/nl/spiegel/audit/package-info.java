/**
 * The append-only access trail (NEN 7513). Depends on nothing but the kernel, identity and organisation: other
 * modules call {@link nl.spiegel.audit.AuditTrail} (or publish events it listens to), never the other way round, so
 * every module can be audited without a cycle.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organisation", "shared", "shared :: *"})
package nl.spiegel.audit;
