--liquibase formatted sql

--changeset spiegel:0003-create-dialogue-sessions
-- variables holds the person's answers (JSON as bytes) so it can later be stored encrypted; key_id names the key.
CREATE TABLE dialogue_sessions (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    script_id        VARCHAR(64)  NOT NULL,
    script_version   INT          NOT NULL,
    node_id          VARCHAR(64)  NOT NULL,
    variables        MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    status           VARCHAR(16)  NOT NULL,
    answered         INT          NOT NULL DEFAULT 0,
    revision         INT          NOT NULL DEFAULT 0,
    started_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    CONSTRAINT pk_dialogue_sessions PRIMARY KEY (id),
    CONSTRAINT fk_dialogue_sessions_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_dialogue_sessions_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    INDEX ix_dialogue_sessions_user (user_id, script_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE dialogue_sessions;
