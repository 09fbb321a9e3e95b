--liquibase formatted sql

--changeset spiegel:0120-dialogue-message-client-key
-- The key the chat gives each answer it sends (a UUID, kept until the answer is acknowledged). A retry after a lost
-- response carries the same key, so the person's message is stored at most once per session; NULL for bot turns and
-- older rows (a unique index allows any number of NULLs).
ALTER TABLE dialogue_messages ADD COLUMN client_key CHAR(36) NULL;
ALTER TABLE dialogue_messages ADD CONSTRAINT uq_dialogue_messages_client_key UNIQUE (session_id, client_key);
--rollback ALTER TABLE dialogue_messages DROP INDEX uq_dialogue_messages_client_key; ALTER TABLE dialogue_messages DROP COLUMN client_key;
