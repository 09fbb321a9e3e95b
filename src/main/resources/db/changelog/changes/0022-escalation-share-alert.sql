--liquibase formatted sql

--changeset spiegel:0022-escalation-share-alert
-- The person's choice whether the therapist may see the message that raised the alert and their answers to the
-- follow-up questions. Requests from before this change never asked, so they do not share.
ALTER TABLE escalations ADD COLUMN share_alert BOOLEAN NOT NULL DEFAULT FALSE;
--rollback ALTER TABLE escalations DROP COLUMN share_alert;
