/**
 * Organisations (tenants): their ids, name and slug, look (colours, logo, welcome text), offered dialogues, the
 * portal origins that may frame Spiegel and the time zone of their opening hours. Depends on nothing but the shared
 * kernel, because every other module carries an {@link nl.spiegel.organisation.OrganisationId}; who may change an
 * organisation is decided by the {@code portal} module, which knows accounts.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "shared :: *"})
package nl.spiegel.organisation;
