package nl.spiegel.identity;

import org.springframework.http.ResponseCookie;

/** The names of the visitor cookie, for modules that make the browser forget it (after a deletion). */
public final class VisitorCookie {

    public static final String NAME = "SPIEGEL_VISITOR";
    /** The name over https: browsers accept a {@code __Host-} cookie only from this host, secure, for path /. */
    public static final String SECURE_NAME = "__Host-" + NAME;

    private VisitorCookie() {
    }

    /** A Set-Cookie header value that makes the browser forget the visitor cookie of that name. */
    public static String expired(String name, boolean secure) {
        return ResponseCookie.from(name, "").httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(0)
                .build().toString();
    }
}
