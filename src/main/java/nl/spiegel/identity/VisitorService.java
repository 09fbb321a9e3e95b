package nl.spiegel.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.spiegel.identity.internal.UserRepository;
import nl.spiegel.organisation.OrganisationId;

/** Finds or creates the pseudonymous user behind a visitor cookie. */
@Service
public class VisitorService {

    /** last_seen is only written when it is older than this, to keep page loads free of writes. */
    private static final Duration TOUCH_INTERVAL = Duration.ofHours(1);

    private final UserRepository users;
    private final Clock clock;

    VisitorService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Whether this server issued the token: its hash belongs to a visitor. A cookie value made up elsewhere does not. */
    @Transactional(readOnly = true)
    public boolean isIssued(VisitorToken token) {
        return users.findByTokenHash(token.hash()).isPresent();
    }

    /**
     * The visitor behind a token from the HTTP session (never straight from a cookie: the cookie filter only puts
     * issued tokens there); the first use of a freshly issued token creates the pseudonymous user.
     */
    @Transactional
    public Visitor resolve(VisitorToken token) {
        return resolve(token, OrganisationId.DEFAULT);
    }

    /**
     * As {@link #resolve(VisitorToken)}; a new pseudonymous user belongs to the given organisation (the one whose
     * portal the visitor came through). An existing one keeps its organisation.
     */
    @Transactional
    public Visitor resolve(VisitorToken token, OrganisationId organisation) {
        String hash = token.hash();
        return users.findByTokenHash(hash)
                .map(found -> {
                    if (found.lastSeen().isBefore(clock.instant().minus(TOUCH_INTERVAL))) {
                        users.touch(found.visitor().userId(), clock.instant());
                    }
                    return found.visitor();
                })
                .orElseGet(() -> users.createAnonymous(UserId.random(), organisation, hash, clock.instant()));
    }
}
