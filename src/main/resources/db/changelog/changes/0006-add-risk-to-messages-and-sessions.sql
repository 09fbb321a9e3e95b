--liquibase formatted sql

--changeset spiegel:0006-add-risk-to-messages-and-sessions
-- The detector's result is kept with every free-text message, so a reviewer can see why help was offered.
ALTER TABLE dialogue_messages
    ADD COLUMN risk_level VARCHAR(16) NULL,
    ADD COLUMN risk_rules VARCHAR(1000) NULL;

-- A session pauses its script while the safety panel is open; pending_input is the answer the script resumes with.
ALTER TABLE dialogue_sessions
    ADD COLUMN paused_level VARCHAR(16) NULL,
    ADD COLUMN paused_rules VARCHAR(1000) NULL,
    ADD COLUMN pending_input MEDIUMBLOB NULL;
--rollback ALTER TABLE dialogue_sessions DROP COLUMN pending_input, DROP COLUMN paused_rules, DROP COLUMN paused_level;
--rollback ALTER TABLE dialogue_messages DROP COLUMN risk_rules, DROP COLUMN risk_level;
