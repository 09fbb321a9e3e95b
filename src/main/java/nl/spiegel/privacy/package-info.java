/**
 * A person's rights over their own data: export, deletion, retention, the privacy page. Modules that hold personal
 * data implement {@link nl.spiegel.privacy.PersonalDataContributor} and so depend on this module; this module
 * therefore depends on none of them, only on the kernel, identity, organisation and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "identity", "organisation", "shared", "shared :: *"})
package nl.spiegel.privacy;
