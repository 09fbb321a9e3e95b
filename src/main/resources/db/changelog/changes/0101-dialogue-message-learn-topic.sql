--liquibase formatted sql

--changeset spiegel:0101-dialogue-message-learn-topic
-- The psycho-education topic a message links to (a script's 'learn'), so the link is shown again after a reload with
-- the message it belongs to. A topic id from learn/learn.yaml, no personal data; NULL for messages without a link.
ALTER TABLE dialogue_messages ADD COLUMN learn_topic VARCHAR(64) NULL;
--rollback ALTER TABLE dialogue_messages DROP COLUMN learn_topic;
