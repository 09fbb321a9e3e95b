/**
 * What an organisation needs to offer Spiegel in its own portal: its administration screen (look, dialogues, crisis
 * contacts with opening hours, allowed portal origins), and the embed page {@code /embed/{slug}} the loader script
 * frames. Who may change an organisation is decided here ({@link nl.spiegel.portal.OrganisationAdmin}); the data
 * live in {@code organisation} and, for crisis contacts, in {@code escalation}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"escalation", "identity", "organisation", "shared", "shared :: *"})
package nl.spiegel.portal;
