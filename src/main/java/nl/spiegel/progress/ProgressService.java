package nl.spiegel.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.QuestionnaireAnswered;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.internal.QuestionnaireRepository;
import nl.spiegel.progress.scoring.Instrument;
import nl.spiegel.progress.scoring.Score;

/**
 * Stores the questionnaires a person fills in and gives back their history. A visitor only ever sees their own
 * results; no staff member reads them (there is no staff view of scores yet), so there is nothing to audit.
 */
@Service
public class ProgressService {

    private static final Logger log = LoggerFactory.getLogger(ProgressService.class);

    private final QuestionnaireRepository results;
    private final Clock clock;

    ProgressService(QuestionnaireRepository results, Clock clock) {
        this.results = results;
        this.clock = clock;
    }

    /**
     * Stores a filled-in questionnaire; skipped items are allowed and make the result incomplete.
     *
     * @param answers one per item, 0..3, or null for a skipped item
     */
    @Transactional
    public QuestionnaireResult submit(Visitor visitor, Instrument instrument, List<Integer> answers) {
        Score score = new Score(instrument, answers);
        // the database keeps microseconds; what is returned must equal what a later read gives
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        QuestionnaireResult result = new QuestionnaireResult(UUID.randomUUID(), score, now);
        results.insert(visitor.organisationId(), visitor.userId(), result);
        // ids and the fact of a safety check only: the answers and the score are health data
        log.info("questionnaire {} {} stored for user {}{}", instrument.code(), result.id(), visitor.userId(),
                score.asksForSafetyCheck() ? ", safety check started" : "");
        return result;
    }

    /**
     * A shipped questionnaire filled in inside a dialogue joins the person's results, in the same transaction as the
     * dialogue's answer. A questionnaire of another script is not a PHQ-9 or GAD-7 and stays in that dialogue only.
     */
    @EventListener
    void onQuestionnaireAnswered(QuestionnaireAnswered answered) {
        Instrument.ofCode(answered.scriptId())
                .filter(instrument -> instrument.code().equals(answered.questionnaire()))
                .ifPresent(instrument -> {
                    List<Integer> answers = new ArrayList<>();
                    instrument.definition().items().forEach(item -> answers.add(answered.answers().get(item.id())));
                    QuestionnaireResult result = new QuestionnaireResult(UUID.randomUUID(),
                            new Score(instrument, answers), answered.at().truncatedTo(ChronoUnit.MICROS));
                    results.insert(answered.organisation(), answered.user(), result);
                    log.info("questionnaire {} {} stored for user {} from session {}", instrument.code(), result.id(),
                            answered.user(), answered.session());
                });
    }

    /** The person's results, oldest first. */
    @Transactional(readOnly = true)
    public List<QuestionnaireResult> history(Visitor visitor) {
        return results.findAll(visitor.userId());
    }

    /** The person's results of one questionnaire, oldest first. */
    @Transactional(readOnly = true)
    public List<QuestionnaireResult> history(Visitor visitor, Instrument instrument) {
        return history(visitor).stream().filter(result -> result.instrument() == instrument).toList();
    }
}
