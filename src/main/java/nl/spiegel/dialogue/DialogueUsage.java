package nl.spiegel.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.dialogue.internal.UsageRepository;
import nl.spiegel.dialogue.internal.UsageRepository.PersonRow;

/**
 * Counts of people per dialogue version for an organisation's analytics. Only numbers leave this module; the
 * caller decides which of them are big enough to show. A person counts once per version, with the furthest they
 * got in any of their sessions.
 */
@Service
public class DialogueUsage {

    private final UsageRepository repository;

    DialogueUsage(UsageRepository repository) {
        this.repository = repository;
    }

    /** The dialogue version and start of a session, for counting what other modules keep per session. */
    public record StartedSession(String scriptId, int version, Instant startedAt) {
    }

    /**
     * The sessions people of the organisation started since the moment (null: ever), by session id: for the
     * modules that count what they keep per session (mood check-ins) by dialogue version.
     */
    @Transactional(readOnly = true)
    public Map<SessionId, StartedSession> sessionsStarted(OrganisationId organisation, Instant since) {
        Map<SessionId, StartedSession> sessions = new HashMap<>();
        for (UsageRepository.SessionVersion session : repository.sessionsStarted(organisation, since)) {
            sessions.put(SessionId.parse(session.sessionId()),
                    new StartedSession(session.scriptId(), session.version(), session.startedAt()));
        }
        return sessions;
    }

    /** Every dialogue version people of the organisation started since the moment (null: ever). */
    @Transactional(readOnly = true)
    public List<ScriptUsage> since(OrganisationId organisation, Instant since) {
        List<PersonRow> people = repository.furthest(organisation, since);
        Map<String, List<PersonRow>> byVersion = new TreeMap<>();
        for (PersonRow person : people) {
            byVersion.computeIfAbsent(person.scriptId() + "\u0000" + String.format("%09d", person.version()),
                    key -> new ArrayList<>()).add(person);
        }
        List<ScriptUsage> usage = new ArrayList<>();
        for (List<PersonRow> group : byVersion.values()) {
            int deepest = group.stream().mapToInt(PersonRow::answered).max().orElse(0);
            List<Integer> reached = new ArrayList<>();
            for (int step = 1; step <= deepest; step++) {
                int atLeast = step;
                reached.add((int) group.stream().filter(person -> person.answered() >= atLeast).count());
            }
            usage.add(new ScriptUsage(group.getFirst().scriptId(), group.getFirst().version(), group.size(),
                    (int) group.stream().filter(PersonRow::finished).count(), reached));
        }
        return usage;
    }
}
