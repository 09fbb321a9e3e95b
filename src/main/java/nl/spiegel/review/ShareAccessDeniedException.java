package nl.spiegel.review;

import org.springframework.security.access.AccessDeniedException;

/** The caller may not read or change this share (not named in it, another organisation, revoked, ended). */
public class ShareAccessDeniedException extends AccessDeniedException {

    public ShareAccessDeniedException(String reason) {
        super(reason);
    }
}
