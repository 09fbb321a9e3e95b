package nl.spiegel.review;

import nl.spiegel.identity.UserId;

/**
 * A share was made or stopped: the therapist's open screens follow at once (the inbox lists it or drops it, an open
 * transcript closes). Ids only.
 */
public record ShareChanged(ShareId share, UserId therapist, Kind kind) {

    public enum Kind { SHARED, REVOKED }
}
