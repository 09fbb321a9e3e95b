package nl.spiegel.review;

/** Where a risk signal sits in a message the person wrote: character offsets, end exclusive. Never the text. */
public record RiskSpan(int start, int end) {

    public RiskSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
