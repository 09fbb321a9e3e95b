--liquibase formatted sql

--changeset spiegel:0012-encryption-key-ids
-- Personal text is stored encrypted (AES-GCM, see FieldCipher); a key-id column next to it names the key, and NULL
-- marks plaintext written before encryption was switched on. A key id can only be shared by columns that are always
-- written together, so the columns written on their own get their own key id:
--   dialogue_sessions.pending_input is set when a session pauses, apart from variables (which keeps key_id);
--   escalations.outcome_note is written by the therapist on closing, apart from the person's contact_request
--   (which keeps key_id).
ALTER TABLE dialogue_sessions
    ADD COLUMN pending_input_key_id VARCHAR(32) NULL COMMENT 'key of pending_input; NULL = plaintext';
ALTER TABLE dialogue_sessions
    MODIFY COLUMN key_id VARCHAR(32) NULL COMMENT 'key of variables; NULL = plaintext';
ALTER TABLE escalations
    ADD COLUMN outcome_note_key_id VARCHAR(32) NULL COMMENT 'key of outcome_note; NULL = plaintext';
ALTER TABLE escalations
    MODIFY COLUMN key_id VARCHAR(32) NULL COMMENT 'key of contact_request; NULL = plaintext';
--rollback ALTER TABLE escalations MODIFY COLUMN key_id VARCHAR(32) NULL, DROP COLUMN outcome_note_key_id;
--rollback ALTER TABLE dialogue_sessions MODIFY COLUMN key_id VARCHAR(32) NULL, DROP COLUMN pending_input_key_id;
