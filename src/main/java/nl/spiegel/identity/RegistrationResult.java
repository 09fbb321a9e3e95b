package nl.spiegel.identity;

import java.util.List;

/** What happened to a registration. */
public sealed interface RegistrationResult {

    /**
     * A mail is on its way, or deliberately not (the address already has an account, or too many mails went to it
     * lately): the screen says the same in every case, so nobody learns who has an account.
     */
    record MailSent(String email) implements RegistrationResult {
        @Override
        public String toString() {
            return "MailSent[hidden]";
        }
    }

    record InvalidEmail() implements RegistrationResult {
    }

    record PasswordRejected(List<PasswordProblem> problems) implements RegistrationResult {
    }

    /** This visitor already has an account. */
    record AlreadyRegistered() implements RegistrationResult {
    }
}
