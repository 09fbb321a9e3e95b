--liquibase formatted sql

--changeset spiegel:0005-create-exercises
CREATE TABLE exercises (
    id               CHAR(36)     NOT NULL,
    organisation_id  CHAR(36)     NOT NULL,
    user_id          CHAR(36)     NOT NULL,
    session_id       CHAR(36)     NOT NULL,
    script_id        VARCHAR(64)  NOT NULL,
    node_id          VARCHAR(64)  NOT NULL,
    title            MEDIUMBLOB   NOT NULL,
    body             MEDIUMBLOB   NOT NULL,
    key_id           VARCHAR(32)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    done_at          DATETIME(6)  NULL,
    CONSTRAINT pk_exercises PRIMARY KEY (id),
    CONSTRAINT fk_exercises_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_exercises_session FOREIGN KEY (session_id) REFERENCES dialogue_sessions (id),
    INDEX ix_exercises_user (user_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
--rollback DROP TABLE exercises;
