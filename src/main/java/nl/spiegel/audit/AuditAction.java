package nl.spiegel.audit;

/** What was done with a record. Access that was refused is recorded too. */
public enum AuditAction {
    VIEW,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    ACCESS_DENIED
}
