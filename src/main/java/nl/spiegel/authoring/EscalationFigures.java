package nl.spiegel.authoring;

import java.util.List;

/**
 * Requests to talk to a human: how many people asked, by the risk level of their latest request, how many of them a
 * therapist accepted and the median wait until then, in whole minutes (rounded up; never a moment).
 *
 * @param byLevel           {@code none} (the help button, no risk seen), {@code concern}, {@code crisis}
 * @param medianWaitMinutes null when {@code accepted} is not shown
 */
public record EscalationFigures(Figure people, List<Share> byLevel, Figure accepted, Integer medianWaitMinutes) {

    public EscalationFigures {
        byLevel = List.copyOf(byLevel);
    }
}
