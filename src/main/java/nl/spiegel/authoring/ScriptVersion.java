package nl.spiegel.authoring;

import java.time.Instant;

import nl.spiegel.dialogue.engine.LocalizedText;

/**
 * One published version of a script, for the history.
 *
 * @param origin  SHIPPED (came with Spiegel), PUBLISHED or ROLLBACK
 * @param basedOn for a rollback, the version whose text it published again
 */
public record ScriptVersion(String scriptId, int version, LocalizedText title, String origin, Integer basedOn,
                            Instant publishedAt) {
}
