package nl.spiegel.dialogue.content;

import java.util.List;
import java.util.Optional;

import nl.spiegel.dialogue.engine.Script;
import nl.spiegel.organisation.OrganisationId;

/**
 * Where published dialogue scripts live once they are in the database: the default organisation's catalogue is
 * offered to everyone, an organisation's own scripts only to its people. When no implementation is present the
 * {@link ScriptCatalog} serves the shipped files alone.
 */
public interface PublishedScripts {

    /** The newest version of every dialogue the people of this organisation may start. */
    List<Script> latest(OrganisationId organisation);

    /** The newest version of one dialogue, when the people of this organisation may start it. */
    Optional<Script> latest(OrganisationId organisation, String id);

    /** The exact version a session of this organisation started with. */
    Optional<Script> version(OrganisationId organisation, String id, int version);
}
