--liquibase formatted sql

--changeset spiegel:0004-create-dialogue-messages
-- title and body are JSON maps of language to text, stored as bytes so they can later be stored encrypted.
CREATE TABLE dialogue_messages (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    session_id       CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    seq              INT          NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    node_id          VARCHAR(64)  NOT NULL,
    title            MEDIUMBLOB   NULL,
    body             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_dialogue_messages PRIMARY KEY (id),
    CONSTRAINT uq_dialogue_messages_seq UNIQUE (session_id, seq),
    CONSTRAINT fk_dialogue_messages_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE dialogue_messages;
