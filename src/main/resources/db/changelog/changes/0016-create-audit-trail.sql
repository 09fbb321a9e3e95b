--liquibase formatted sql

--changeset spiegel:0016-create-audit-trail
-- NEN 7513 access trail: who did what with whose record, when, from where. Never any content.
--
-- People are not stored by user id but by a random pseudonym (audit_pseudonyms). When a person's data are deleted,
-- their pseudonym row goes and every entry about them, or made by them, stays but points to nobody: anonymised by
-- design, without ever changing an audit row. client_address is encrypted (AES-GCM) with the actor's own
-- address_key, so deleting that row also makes the addresses they used unreadable.
CREATE TABLE audit_pseudonyms (
    user_id      CHAR(36)     NOT NULL,
    pseudonym    CHAR(36)     NOT NULL,
    address_key  BINARY(32)   NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_audit_pseudonyms PRIMARY KEY (user_id),
    CONSTRAINT uq_audit_pseudonyms_pseudonym UNIQUE (pseudonym)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- actor_ref, on_behalf_of_ref and subject_ref hold pseudonyms (audit_pseudonyms.pseudonym), deliberately without a
-- foreign key: entries must outlive the people they mention. session_ref is a SHA-256 hash of the HTTP session id.
CREATE TABLE audit_events (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    occurred_at       DATETIME(6)    NOT NULL,
    actor_ref         CHAR(36)       NULL,
    actor_role        VARCHAR(32)    NOT NULL,
    on_behalf_of_ref  CHAR(36)       NULL,
    subject_ref       CHAR(36)       NULL,
    organisation_id   CHAR(36)       NULL,
    record_type       VARCHAR(64)    NOT NULL,
    record_id         VARCHAR(64)    NULL,
    action            VARCHAR(32)    NOT NULL,
    client_address    VARBINARY(128) NULL,
    session_ref       CHAR(64)       NULL,
    CONSTRAINT pk_audit_events PRIMARY KEY (id),
    INDEX ix_audit_events_organisation (organisation_id, occurred_at),
    INDEX ix_audit_events_subject (subject_ref, occurred_at),
    INDEX ix_audit_events_actor (actor_ref, occurred_at),
    INDEX ix_audit_events_occurred (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE audit_events; DROP TABLE audit_pseudonyms;

--changeset spiegel:0016-audit-events-append-only
-- Append-only: the database itself refuses to change or remove an entry, whatever the application does.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only: entries cannot be changed';
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only: entries cannot be removed';
-- A pseudonym can be forgotten (deleted) but never pointed at another person.
CREATE TRIGGER audit_pseudonyms_no_update BEFORE UPDATE ON audit_pseudonyms FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_pseudonyms cannot be changed, only forgotten';
--rollback DROP TRIGGER audit_pseudonyms_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_events_no_update;

--changeset spiegel:0016-audit-pseudonyms-forget-only-deleted splitStatements:false
-- Forgetting a pseudonym anonymises every entry about that person, so it is only allowed once the person's user row
-- is gone: nobody can hide a staff member's access to a record while that staff member still exists.
CREATE TRIGGER audit_pseudonyms_forget_only_deleted BEFORE DELETE ON audit_pseudonyms FOR EACH ROW
    IF EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a pseudonym can only be forgotten once the person is deleted';
    END IF
--rollback DROP TRIGGER audit_pseudonyms_forget_only_deleted;
