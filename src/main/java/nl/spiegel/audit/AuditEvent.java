package nl.spiegel.audit;

import java.util.Objects;
import java.util.regex.Pattern;

import nl.spiegel.identity.UserId;
import nl.spiegel.organisation.OrganisationId;

/**
 * One thing to put on the audit trail: who did what with which record, whose data it holds. Ids and codes only;
 * the record id is checked to look like an id so that no text a person wrote can end up here.
 *
 * @param recordType   what kind of record, in capitals: {@link #HANDOFF}, {@link #PERSONAL_DATA}, ...
 * @param recordId     the record's id, or null when the record is the person (never put a user id here: use subject)
 * @param subject      whose data the record holds, or null when it is nobody's in particular
 * @param organisation the tenant the record belongs to; ORG_ADMINs see the entries of their own organisation only
 * @param onBehalfOf   the user the actor acted for, when not for themselves; usually null
 */
public record AuditEvent(Actor actor, AuditAction action, String recordType, String recordId, UserId subject,
                         OrganisationId organisation, UserId onBehalfOf) {

    /** A live handoff (escalation): a therapist accepted it and so opened the person's conversation. */
    public static final String HANDOFF = "HANDOFF";
    /** The messages of a live handoff conversation. */
    public static final String HANDOFF_MESSAGES = "HANDOFF_MESSAGES";
    /** A call-back request: the contact details a person in crisis left when nobody could take over in time. */
    public static final String CALLBACK_REQUEST = "CALLBACK_REQUEST";
    /** The note a therapist wrote when closing a handoff, on how it was followed up. */
    public static final String OUTCOME_NOTE = "OUTCOME_NOTE";
    /** What a person chose to share in a live handoff: the message that raised the alert and screener answers. */
    public static final String HANDOFF_ALERT = "HANDOFF_ALERT";
    /** Everything Spiegel holds about a person, as exported or deleted on their request. */
    public static final String PERSONAL_DATA = "PERSONAL_DATA";
    /** A person's account (e-mail address, role, organisation). */
    public static final String ACCOUNT = "ACCOUNT";
    /** The audit trail itself: who looked at it or exported it. */
    public static final String AUDIT_TRAIL = "AUDIT_TRAIL";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    public AuditEvent {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        if (recordType == null || !TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("record type must be a code in capitals");
        }
        if (recordId != null && !ID.matcher(recordId).matches()) {
            throw new IllegalArgumentException("record id must be an id");
        }
    }

    public static AuditEvent of(Actor actor, AuditAction action, String recordType, String recordId, UserId subject,
                                OrganisationId organisation) {
        return new AuditEvent(actor, action, recordType, recordId, subject, organisation, null);
    }
}
