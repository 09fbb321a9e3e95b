--liquibase formatted sql

--changeset spiegel:0020-wrap-audit-address-keys
-- Each person's address key is stored wrapped (encrypted with the application's key ring, the one format of the field
-- cipher) instead of in the clear; address_key_id names the key. Keys from before have a NULL key id and are used as
-- they are until the key rotation wraps them.
ALTER TABLE audit_pseudonyms MODIFY address_key VARBINARY(128) NOT NULL;
ALTER TABLE audit_pseudonyms ADD COLUMN address_key_id VARCHAR(32) NULL;
DROP TRIGGER audit_pseudonyms_no_update;
--rollback ALTER TABLE audit_pseudonyms DROP COLUMN address_key_id;

--changeset spiegel:0020-audit-pseudonyms-only-rewrap splitStatements:false
-- A pseudonym still can never be pointed at another person; only its wrapped key may be rewritten (key rotation).
CREATE TRIGGER audit_pseudonyms_no_update BEFORE UPDATE ON audit_pseudonyms FOR EACH ROW
    IF NEW.user_id <> OLD.user_id OR NEW.pseudonym <> OLD.pseudonym OR NEW.created_at <> OLD.created_at THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_pseudonyms cannot be changed, only forgotten';
    END IF
--rollback DROP TRIGGER audit_pseudonyms_no_update;
