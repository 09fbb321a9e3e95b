package nl.spiegel.authoring.internal;

import java.util.Optional;
import java.util.Set;

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
 * Who may see an organisation's analytics: an ORG_ADMIN of that organisation or a PLATFORM_ADMIN; who may write its
 * dialogues: those and the organisation's CONTENT_EDITORs; as stored in the database (never as the screen says). Anyone else is refused, on the audit trail.
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
        return require(requester, organisation, recordType, recordId, Set.of(Role.ORG_ADMIN, Role.PLATFORM_ADMIN));
    }

    /**
     * Who may write the organisation's dialogues: its administrators and its content editors (a CONTENT_EDITOR
     * writes, previews and publishes, but sees no analytics).
     *
     * @throws AccessDeniedException when the requester is neither
     */
    public StaffMember requireAuthor(UserId requester, OrganisationId organisation, String recordType,
                                     String recordId) {
        return require(requester, organisation, recordType, recordId,
                Set.of(Role.ORG_ADMIN, Role.CONTENT_EDITOR, Role.PLATFORM_ADMIN));
    }

    private StaffMember require(UserId requester, OrganisationId organisation, String recordType, String recordId,
                                Set<Role> roles) {
        Optional<StaffMember> member = staff.find(requester);
        boolean allowed = member.isPresent() && roles.contains(member.get().role())
                && member.get().mayAccess(organisation);
        if (!allowed) {
            audit.recordDenied(requester, recordType, recordId, null, organisation);
            log.warn("user {} was refused {} of organisation {}", requester, recordType, organisation);
            throw new AccessDeniedException("only an administrator of this organisation may do this");
        }
        return member.get();
    }
}
