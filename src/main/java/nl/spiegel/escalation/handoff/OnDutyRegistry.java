package nl.spiegel.escalation.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Which therapists are on duty right now, in memory: a restart puts everybody off duty, which errs on the side of
 * telling people honestly that nobody is there. Changed through {@link HandoffService#setOnDuty}, which checks the
 * role.
 */
@Component
public class OnDutyRegistry {

    private final Map<UserId, OrganisationId> onDuty = new ConcurrentHashMap<>();

    /** @return whether this changed anything */
    boolean set(StaffMember therapist, boolean on) {
        if (on) {
            return onDuty.put(therapist.userId(), therapist.organisationId()) == null;
        }
        return onDuty.remove(therapist.userId()) != null;
    }

    /** Off duty, whatever the role is now; the organisation they were on duty for, if they were. */
    OrganisationId clear(UserId therapist) {
        return onDuty.remove(therapist);
    }

    public boolean isOnDuty(UserId therapist) {
        return onDuty.containsKey(therapist);
    }

    /** On duty for this organisation. */
    public boolean isOnDuty(UserId therapist, OrganisationId organisation) {
        return organisation.equals(onDuty.get(therapist));
    }

    public int count(OrganisationId organisation) {
        return (int) onDuty.values().stream().filter(organisation::equals).count();
    }
}
