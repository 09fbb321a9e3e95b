package nl.spiegel.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.escalation.internal.EscalationUsageRepository;
import nl.spiegel.escalation.internal.EscalationUsageRepository.LatestRequest;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.risk.RiskLevel;

/**
 * Counts of requests to talk to a human for an organisation's analytics: numbers only, never who and never when.
 * Each person counts once, by their latest request in the period, so a shorter period counts a subset of the people
 * of a longer one with the same values.
 */
@Service
public class EscalationUsage {

    /**
     * @param byLevel     people per risk level of their latest request (every level, 0 when none; NONE is a request through the help button without any risk seen)
     * @param accepted    of them, people whose latest request a therapist accepted
     * @param medianWait  the median time from request to acceptance over those, or null when nobody was accepted
     */
    public record Figures(Map<RiskLevel, Integer> byLevel, int accepted, Duration medianWait) {

        public Figures {
            byLevel = java.util.Collections.unmodifiableMap(new EnumMap<>(byLevel));
        }

        public int people() {
            return byLevel.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The levels a request can carry, lowest first. */
    public static final List<RiskLevel> LEVELS = List.of(RiskLevel.NONE, RiskLevel.CONCERN, RiskLevel.CRISIS);

    private final EscalationUsageRepository repository;

    EscalationUsage(EscalationUsageRepository repository) {
        this.repository = repository;
    }

    /** Requests since the moment (null: ever). */
    @Transactional(readOnly = true)
    public Figures since(OrganisationId organisation, Instant since) {
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        LEVELS.forEach(level -> byLevel.put(level, 0));
        List<Duration> waits = new ArrayList<>();
        for (LatestRequest request : repository.latestPerPerson(organisation, since)) {
            byLevel.merge(request.level(), 1, Integer::sum);
            if (request.waited() != null) {
                waits.add(request.waited());
            }
        }
        return new Figures(byLevel, waits.size(), median(waits));
    }

    static Duration median(List<Duration> waits) {
        if (waits.isEmpty()) {
            return null;
        }
        List<Duration> sorted = waits.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
