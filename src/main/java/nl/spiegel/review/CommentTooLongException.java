package nl.spiegel.review;

/**
 * A text longer than its limit: feedback or a note (over {@link ReviewProperties#maxCommentLength()}), a message to an
 * expert or a line of an expert's profile; nothing was stored.
 */
public class CommentTooLongException extends RuntimeException {

    private final int limit;

    public CommentTooLongException(int limit) {
        super("comment longer than " + limit + " characters");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
