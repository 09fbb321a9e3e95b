package nl.spiegel.review;

/** Feedback or a note longer than {@link ReviewProperties#maxCommentLength()}; nothing was stored. */
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
