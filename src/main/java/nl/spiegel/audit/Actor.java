package nl.spiegel.audit;

import java.util.Objects;

import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.identity.Visitor;

/**
 * Who did it: a user with the role they acted in, or the system itself (scheduled jobs), which has no user id.
 *
 * @param userId null only for {@link #system()}
 * @param role   a {@link Role} name, or {@link #SYSTEM_ROLE}
 */
public record Actor(UserId userId, String role) {

    public static final String SYSTEM_ROLE = "SYSTEM";

    public Actor {
        Objects.requireNonNull(role);
        if (userId == null && !SYSTEM_ROLE.equals(role)) {
            throw new IllegalArgumentException("only the system acts without a user id");
        }
    }

    public static Actor staff(StaffMember member) {
        return new Actor(member.userId(), member.role().name());
    }

    /** A person acting on their own data. */
    public static Actor person(Visitor visitor) {
        return new Actor(visitor.userId(), Role.CLIENT.name());
    }

    public static Actor system() {
        return new Actor(null, SYSTEM_ROLE);
    }
}
