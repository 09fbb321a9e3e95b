--liquibase formatted sql

--changeset spiegel:0060-dialogue-shown-language
-- The language a dialogue is shown in (the session's current one) and the language each message was shown in, so an
-- export shows every message as the person saw it, also after they switched language. 'nl' or 'en'; NULL for older
-- rows, which fall back to the session's language and then to the language of the export.
ALTER TABLE dialogue_sessions ADD COLUMN language VARCHAR(8) NULL;
ALTER TABLE dialogue_messages ADD COLUMN language VARCHAR(8) NULL;
--rollback ALTER TABLE dialogue_messages DROP COLUMN language; ALTER TABLE dialogue_sessions DROP COLUMN language;
