package nl.spiegel.review;

/** The upload is no photo we can read (JPEG or PNG), or too large. */
public class InvalidPhotoException extends RuntimeException {

    public InvalidPhotoException(String reason) {
        super(reason);
    }
}
