package nl.spiegel.escalation;

/**
 * One answer of a screening in a form other modules can show: the translation key of the question, the answer, and
 * whether the person already said it in their own words (then it was not asked).
 */
public record ScreenerAnswer(String questionKey, boolean yes, boolean fromWords) {
}
