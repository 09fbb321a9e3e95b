package nl.spiegel.review;

/** Sharing needs an account (an address for notices); anonymous visitors register first and keep everything. */
public class RegistrationRequiredException extends RuntimeException {

    public RegistrationRequiredException() {
        super("sharing needs a registered account");
    }
}
