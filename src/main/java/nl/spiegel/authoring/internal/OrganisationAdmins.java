package nl.spiegel.authoring.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import nl.spiegel.audit.AuditTrail;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * Who may write an organisation's dialogues and see its analytics: an ORG_ADMIN of that organisation or a
 * PLATFORM_ADMIN, as stored in the database (never as the screen says). Anyone else is refused, on the audit trail.
 */
@Component
public class OrganisationAdmins {

    private static final Logger log = LoggerFactory.getLogger(OrganisationAdmins.class);

    private final StaffDirectory staff;
    private final AuditTrail audit;

    OrganisationAdmins(StaffDirectory staff, AuditTrail audit) {
        this.staff = staff;
        this.audit = audit;
    }

    /**
     * @param recordId the record asked for, when it is a plain id (else null)
     * @throws AccessDeniedException when the requester is no administrator of the organisation
     */
    public StaffMember require(UserId requester, OrganisationId organisation, String recordType, String recordId) {
        Optional<StaffMember> member = staff.find(requester);
        boolean allowed = member.isPresent()
                && (member.get().role() == Role.ORG_ADMIN || member.get().role() == Role.PLATFORM_ADMIN)
                && member.get().mayAccess(organisation);
        if (!allowed) {
            audit.recordDenied(requester, recordType, recordId, null, organisation);
            log.warn("user {} was refused {} of organisation {}", requester, recordType, organisation);
            throw new AccessDeniedException("only an administrator of this organisation may do this");
        }
        return member.get();
    }
}
