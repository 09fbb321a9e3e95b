/**
 * Scoring the questionnaires: instruments, scores, bands and reliable change, pure Java. A named interface so the
 * progress screens ({@code progress.ui}, a nested module) can show scores the way they are computed.
 */
@org.springframework.modulith.NamedInterface("scoring")
package nl.spiegel.progress.scoring;
