package nl.spiegel.privacy;

import java.util.List;
import java.util.Locale;

import nl.spiegel.identity.UserId;

/**
 * Implemented by one bean in each module that stores data about a person (in the module's {@code internal}
 * package), so that "give me everything about X" and "delete X" reach every table without this module knowing the
 * others. A module that adds a table with personal data extends its contributor; {@code PersonalDataIT} scans every
 * table of the schema after a deletion and fails when something was left behind.
 *
 * <p>Deletion runs in one transaction, in the order of Spring's {@code @Order} on the beans, lowest first: rows that
 * reference another module's rows go first (handoffs and screenings point at dialogue sessions, so they come before
 * the dialogues; everything points at the user row, which goes last).
 */
public interface PersonalDataContributor {

    /**
     * Everything this module holds about the person, read through the module's own repositories (so encrypted text
     * comes out readable). Values are JSON-like: String, Number, Boolean, {@link java.time.Instant}, List, Map or null.
     *
     * @param locale the language for texts that exist in several languages (dialogue titles, bot messages)
     */
    List<PersonalDataSection> export(UserId person, Locale locale);

    /**
     * Deletes every row of this person that this module holds: real deletion, not a flag.
     *
     * @return how many rows were deleted, for the log
     */
    int delete(UserId person);
}
