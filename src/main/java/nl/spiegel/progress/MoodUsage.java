package nl.spiegel.progress;

/**
 * How the mood of an organisation's people changed over one dialogue version: counts and sums only, never who. Each
 * person counts once, with their latest dialogue of that version that has both a start and an end check-in.
 *
 * @param people    people with both check-ins
 * @param better    of them, people whose end mood was higher than their start mood
 * @param same      people whose mood stayed the same
 * @param worse     people whose end mood was lower
 * @param sumBefore the sum of their start moods (1..5 each), for a mean over the group
 * @param sumAfter  the sum of their end moods
 */
public record MoodUsage(String scriptId, int version, int people, int better, int same, int worse, int sumBefore,
                        int sumAfter) {
}
