package nl.spiegel.review;

import java.time.Instant;

import nl.spiegel.risk.RiskLevel;

/**
 * How a therapist narrows their inbox. Every part is optional (null or blank means "any").
 *
 * @param person   the person's address, exactly as the inbox shows it
 * @param dialogue the dialogue's title, exactly as the inbox shows it
 * @param minRisk  only dialogues in which Spiegel found at least this level of risk
 * @param from     shared at or after this moment
 * @param until    shared before this moment
 * @param search   words in the dialogue's title or summary; never in what the person wrote elsewhere
 */
public record InboxFilter(String person, String dialogue, RiskLevel minRisk, Instant from, Instant until,
                          String search, boolean unreadOnly) {

    public static final InboxFilter ALL = new InboxFilter(null, null, null, null, null, null, false);

    public InboxFilter withSearch(String words) {
        return new InboxFilter(person, dialogue, minRisk, from, until, words, unreadOnly);
    }
}
