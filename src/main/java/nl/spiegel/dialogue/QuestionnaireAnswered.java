package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Published inside the transaction that stores a questionnaire filled in within a dialogue, so its result is kept
 * with the answers or not at all. The answers are health data: never log them.
 *
 * @param questionnaire the id of the questionnaire node, for example {@code phq9}
 * @param answers       item id to the chosen value; skipped items are left out
 */
public record QuestionnaireAnswered(SessionId session, UserId user, OrganisationId organisation, String scriptId,
                                    String questionnaire, Map<String, Integer> answers, Instant at) {

    public QuestionnaireAnswered {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }
}
