package nl.spiegel.dialogue.engine;

/**
 * Answers given and the answers a person can still expect at most, so the bar never jumps backwards by much.
 */
public record Progress(int answered, int total) {

    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) answered / total);
    }

    public int percent() {
        return (int) Math.round(fraction() * 100);
    }
}
