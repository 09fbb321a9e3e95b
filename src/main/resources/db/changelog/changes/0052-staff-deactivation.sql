--liquibase formatted sql

--changeset spiegel:0052-staff-deactivation
-- An organisation admin deactivates a therapist who leaves: the account can no longer log in or reset its password,
-- its sessions end, and what it wrote stays (names in transcripts and the audit trail keep their meaning).
ALTER TABLE users ADD COLUMN deactivated_at DATETIME(6) NULL;
--rollback ALTER TABLE users DROP COLUMN deactivated_at;
