package nl.spiegel.authoring;

/**
 * One group of a distribution on the analytics page: a code the view translates (a mood change, a risk level, a
 * questionnaire band) and how many people are in it.
 */
public record Share(String code, Figure figure) {
}
