package nl.spiegel.authoring;

/**
 * One line of the difference between two versions of a script.
 *
 * @param oldLine line number in the older version, or 0 for an added line
 * @param newLine line number in the newer version, or 0 for a removed line
 */
public record DiffLine(Kind kind, int oldLine, int newLine, String text) {

    public enum Kind { SAME, ADDED, REMOVED }
}
