package nl.spiegel.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.dialogue.SessionId;
import nl.spiegel.identity.Visitor;
import nl.spiegel.progress.internal.MoodRepository;

/** The mood check-ins at the start and end of dialogues: one per dialogue and moment, only for the person. */
@Service
public class MoodService {

    private static final Logger log = LoggerFactory.getLogger(MoodService.class);

    private final MoodRepository moods;
    private final Clock clock;

    MoodService(MoodRepository moods, Clock clock) {
        this.moods = moods;
        this.clock = clock;
    }

    /** Stores the mood; a second tap for the same dialogue and moment keeps the first. */
    @Transactional
    public Mood record(Visitor visitor, SessionId session, MoodMoment moment, int value) {
        Optional<Mood> earlier = find(visitor, session, moment);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mood mood = new Mood(session, moment, value, now);
        try {
            moods.insert(visitor.organisationId(), visitor.userId(), mood);
        } catch (DuplicateKeyException sameMomentInAnotherTab) {
            return find(visitor, session, moment).orElseThrow();
        }
        log.info("mood check-in {} stored on session {}", moment, session);
        return mood;
    }

    @Transactional(readOnly = true)
    public Optional<Mood> find(Visitor visitor, SessionId session, MoodMoment moment) {
        return moods.findAll(visitor.userId()).stream()
                .filter(mood -> mood.session().equals(session) && mood.moment() == moment).findFirst();
    }

    /** The person's check-ins, oldest first. */
    @Transactional(readOnly = true)
    public List<Mood> history(Visitor visitor) {
        return moods.findAll(visitor.userId());
    }
}
